using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Application.Common.Security;
using Registry.Domain.Applications;
using Registry.Infrastructure.Jobs;
using Registry.Infrastructure.Persistence;
using Registry.Testing;
using Registry.Web.Tests.Records;

namespace Registry.Web.Tests.Security;

/// <summary>
/// Evidence follows the application: a state's staff read only files attached to records of applications in their
/// state. A person's evidence is bounded (a storage quota, a cap on files no entry uses), and files no entry uses are
/// removed by the daily clean-up after a set number of days.
/// </summary>
public sealed class EvidenceAccessTests(WebFixture fixture) : WebTest(fixture)
{
    private static MultipartFormDataContent Upload(byte[] bytes, string name = "certificate.pdf")
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return new MultipartFormDataContent { { file, "evidence", name } };
    }

    private static async Task<Guid> UploadAsync(HttpClient applicant, byte[]? bytes = null)
    {
        var uploaded = await applicant.PostAsync("/api/v1/documents", Upload(bytes ?? RecordsWebScenario.Pdf));
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        return (await uploaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("documentId").GetGuid();
    }

    private static async Task AttachAsync(HttpClient applicant, Guid applicationId, Guid documentId)
    {
        var created = await applicant.PostAsJsonAsync($"/api/v1/applications/{applicationId}/training",
            new { course = "Peer Ethics", provider = "State", domainCode = "ETHICS", hours = 6, completedOn = RecordsWebScenario.Today(-2), evidenceDocumentId = documentId });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    [Fact]
    public async Task A_draft_in_a_second_state_does_not_show_that_states_staff_the_evidence_of_the_first()
    {
        var tennesseeDraft = await RecordsWebScenario.DraftAsync(Fixture);
        var personId = await Fixture.QueryAsync(db => db.Applications.Where(a => a.Id == tennesseeDraft).Select(a => a.PersonId).SingleAsync());
        var pennsylvania = TestData.State("PA", "Pennsylvania", "CPS");
        await Fixture.InsertAsync(pennsylvania,
            CertificationApplication.Start(personId, pennsylvania.Programs[0].Id, ApplicationType.Initial, Guid.NewGuid(), Now));
        var applicant = await Fixture.ApiClientAsync("applicant@test.example");
        var attached = await UploadAsync(applicant);
        await AttachAsync(applicant, tennesseeDraft, attached);
        var unattached = await UploadAsync(applicant);
        await Fixture.CreateUserAsync("reviewer.tn@test.example", Roles.Reviewer, state: "TN");
        await Fixture.CreateUserAsync("reviewer.pa@test.example", Roles.Reviewer, state: "PA");
        var tennessee = await Fixture.ApiClientAsync("reviewer.tn@test.example");
        var pennsylvaniaStaff = await Fixture.ApiClientAsync("reviewer.pa@test.example");

        Assert.Equal(HttpStatusCode.NotFound, (await pennsylvaniaStaff.GetAsync($"/api/v1/documents/{attached}")).StatusCode);
        Assert.Equal(RecordsWebScenario.Pdf, await tennessee.GetByteArrayAsync($"/api/v1/documents/{attached}"));
        // A file no entry uses is the applicant's alone.
        Assert.Equal(HttpStatusCode.NotFound, (await tennessee.GetAsync($"/api/v1/documents/{unattached}")).StatusCode);
        Assert.Equal(RecordsWebScenario.Pdf, await applicant.GetByteArrayAsync($"/api/v1/documents/{unattached}"));
    }

    [Fact]
    public async Task Uploads_past_the_quota_or_the_cap_on_unused_files_are_refused_in_plain_words()
    {
        await using var host = new RegistryFactory(Fixture.Factory.Database, settings: new Dictionary<string, string?>
        {
            ["Documents:QuotaBytesPerPerson"] = "1000",
            ["Documents:MaxUnattachedPerPerson"] = "2",
        });
        var helpers = new WebFixture(host);
        var draft = await RecordsWebScenario.DraftAsync(helpers);
        var applicant = await helpers.ApiClientAsync("applicant@test.example");

        var first = await UploadAsync(applicant);
        await UploadAsync(applicant);
        var capped = await applicant.PostAsync("/api/v1/documents", Upload(RecordsWebScenario.Pdf));
        await AttachAsync(applicant, draft, first); // one file fewer unused: room again under the cap
        await UploadAsync(applicant);
        var overQuota = await applicant.PostAsync("/api/v1/documents", Upload([.. RecordsWebScenario.Pdf, .. new byte[800]]));

        Assert.Equal(HttpStatusCode.BadRequest, capped.StatusCode);
        Assert.Contains("no entry uses yet (at most 2)", await capped.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, overQuota.StatusCode);
        Assert.Contains("this file would go past it", await overQuota.Content.ReadAsStringAsync());
        Assert.Equal(3, await helpers.QueryAsync(db => db.Documents.CountAsync()));
    }

    [Fact]
    public async Task The_clean_up_removes_files_no_entry_has_used_for_a_week_and_keeps_the_rest()
    {
        var draft = await RecordsWebScenario.DraftAsync(Fixture);
        var applicant = await Fixture.ApiClientAsync("applicant@test.example");
        var attached = await UploadAsync(applicant);
        await AttachAsync(applicant, draft, attached);
        var old = await UploadAsync(applicant);
        Fixture.Factory.Clock.Advance(TimeSpan.FromDays(5));
        applicant = await Fixture.ApiClientAsync("applicant@test.example"); // tokens last an hour
        var recent = await UploadAsync(applicant);
        Fixture.Factory.Clock.Advance(TimeSpan.FromDays(3)); // old: 8 days unused; recent: 3
        applicant = await Fixture.ApiClientAsync("applicant@test.example");

        var outcome = await RunCleanUpAsync();

        Assert.Equal(1, outcome.Removed);
        var left = await Fixture.QueryAsync(db => db.Documents.Select(d => d.Id).ToListAsync());
        Assert.Equal(new[] { attached, recent }.Order(), left.Order());
        Assert.Equal(HttpStatusCode.NotFound, (await applicant.GetAsync($"/api/v1/documents/{old}")).StatusCode);
        Assert.Equal(2, await StoredFilesAsync());
        Assert.Equal(RecordsWebScenario.Pdf, await applicant.GetByteArrayAsync($"/api/v1/documents/{attached}"));
        Assert.Equal(0, (await RunCleanUpAsync()).Removed);
    }

    private async Task<Application.Features.Records.RemoveUnattachedEvidence.Outcome> RunCleanUpAsync()
    {
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UnattachedEvidenceJob>().RunAsync(CancellationToken.None);
    }

    /// <summary>The test host keeps evidence in the database (PostgreSQL's default store).</summary>
    private async Task<int> StoredFilesAsync()
    {
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        await using var shared = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<SharedStorageDbContext>>().CreateDbContextAsync();
        return await shared.StoredDocuments.CountAsync();
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Registry.Application.Common.Security;
using Registry.Domain.Applications;
using Registry.Domain.Employers;
using Registry.Testing;
using Registry.Web.Tests.Records;
using Registry.Web.Tests.Verification;

namespace Registry.Web.Tests.Security;

/// <summary>Every download that carries personal data, from a page or from the API, tells caches not to keep it.</summary>
public sealed class NoStoreDownloadsTests(WebFixture fixture) : WebTest(fixture)
{
    [Fact]
    public async Task Every_download_of_personal_data_says_no_store()
    {
        var world = await VerificationWebScenario.SeedAsync(Fixture);
        var pennsylvania = TestData.State("PA", "Pennsylvania", "CPS");
        var draft = CertificationApplication.Start(world.Holder.Id, pennsylvania.Programs[0].Id, ApplicationType.Initial, Guid.NewGuid(), Now);
        var verification = new RosterVerification(world.Employer.Id, "staff.csv", Encoding.UTF8.GetBytes("Credential number\n"), Now);
        verification.Start(Now);
        verification.Complete(1, 1, [0x50, 0x4B, 0x03, 0x04], Now);
        await Fixture.InsertAsync(pennsylvania, draft, verification);
        await Fixture.CreateUserAsync("holder@test.example", Roles.Applicant, personId: world.Holder.Id);
        await Fixture.CreateUserAsync("reviewer.pa@test.example", Roles.Reviewer, state: "PA");
        await Fixture.CreateUserAsync("admin.tn@test.example", Roles.StateAdmin, state: "TN");

        var holder = await Fixture.ApiClientAsync("holder@test.example");
        var file = new ByteArrayContent(RecordsWebScenario.Pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        var documentId = (await (await holder.PostAsync("/api/v1/documents", new MultipartFormDataContent { { file, "evidence", "certificate.pdf" } }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("documentId").GetGuid();
        Assert.Equal(HttpStatusCode.Created, (await holder.PostAsJsonAsync($"/api/v1/applications/{draft.Id}/training",
            new { course = "Peer Ethics", provider = "State", hours = 6, completedOn = RecordsWebScenario.Today(-2), evidenceDocumentId = documentId })).StatusCode);

        var reviewer = await Fixture.ApiClientAsync("reviewer.pa@test.example");
        var admin = await Fixture.ApiClientAsync("admin.tn@test.example");
        var employer = world.KeyClient(Fixture); // roster verification is for the employer's key
        var holderPages = await PagesAsync("holder@test.example");
        var reviewerPages = await PagesAsync("reviewer.pa@test.example");
        var adminPages = await PagesAsync("admin.tn@test.example");
        var employerPages = await PagesAsync(world.EmployerEmail);
        var period = $"from={TestClock.StartDay.AddMonths(-1):yyyy-MM-dd}&to={TestClock.StartDay:yyyy-MM-dd}";

        var downloads = new Dictionary<string, HttpResponseMessage>
        {
            ["API evidence"] = await reviewer.GetAsync($"/api/v1/documents/{documentId}"),
            ["API own record"] = await holder.GetAsync("/api/v1/me/record"),
            ["API own record workbook"] = await holder.GetAsync("/api/v1/me/record.xlsx"),
            ["API roster"] = await admin.GetAsync("/api/v1/exports/roster/TN"),
            ["API workforce"] = await admin.GetAsync($"/api/v1/exports/workforce?{period}&states=TN"),
            ["API roster verification result"] = await employer.GetAsync($"/api/v1/roster-verifications/{verification.Id}/result"),
            ["page evidence (applicant)"] = await holderPages.GetAsync($"/Applications/{draft.Id}/Training?handler=Evidence&documentId={documentId}"),
            ["page evidence (staff)"] = await reviewerPages.GetAsync($"/Staff/Applications/{draft.Id}?handler=Evidence&documentId={documentId}"),
            ["page own record workbook"] = await holderPages.GetAsync("/MyRecord?handler=Workbook"),
            ["page own record JSON"] = await holderPages.GetAsync("/MyRecord?handler=Json"),
            ["page roster"] = await adminPages.GetAsync("/Staff/Workforce?handler=Roster"),
            ["page workforce"] = await adminPages.GetAsync($"/Staff/Workforce?handler=Download&{period}"),
            ["page roster verification result"] = await employerPages.GetAsync($"/Employers/Roster?handler=Workbook&id={verification.Id}"),
        };

        Assert.Empty(downloads.Where(d => d.Value.StatusCode != HttpStatusCode.OK).Select(d => $"{d.Key}: {(int)d.Value.StatusCode}"));
        Assert.Empty(downloads.Where(d => d.Value.Headers.CacheControl?.NoStore != true).Select(d => $"{d.Key}: Cache-Control: {d.Value.Headers.CacheControl}"));
    }

    private async Task<HttpClient> PagesAsync(string email)
    {
        var client = Fixture.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await WebFixture.SignInThroughFormAsync(client, email)).StatusCode);
        return client;
    }
}

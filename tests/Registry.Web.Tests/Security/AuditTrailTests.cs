using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Security;
using Registry.Domain.Auditing;
using Registry.Testing;
using Registry.Web.Tests.Records;

namespace Registry.Web.Tests.Security;

/// <summary>
/// The audit log says who saw personal data: sign-ins (page and token, successful or not, never the password),
/// refusals (403, from an endpoint's policy and from a use case), and every download of personal data, each with
/// the actor, the caller's address and the subject. The host listens on a real socket, so the address is real.
/// </summary>
public sealed class AuditTrailTests(WebFixture fixture) : WebTest(fixture)
{
    private const string Loopback = "127.0.0.1";

    private async Task<(RegistryFactory Host, WebFixture Helpers, Uri Address)> HostAsync()
    {
        var host = new RegistryFactory(Fixture.Factory.Database);
        var address = host.StartOnLoopback();
        await Task.CompletedTask;
        return (host, new WebFixture(host), address);
    }

    /// <summary>A client that sends a bearer token from the host's own token endpoint.</summary>
    private static async Task<HttpClient> BearerAsync(Uri address, string email)
    {
        var client = Client(address);
        var answer = await (await Client(address).PostAsJsonAsync("/api/v1/auth/token", new { email, password = WebFixture.Password })).Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", answer.GetProperty("accessToken").GetString());
        return client;
    }

    private static HttpClient Client(Uri address) => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = address };

    private async Task<List<AuditEntry>> EntriesAsync(AuditKind kind) =>
        await Fixture.QueryAsync(db => db.AuditEntries.Where(a => a.Kind == kind).OrderBy(a => a.At).ThenBy(a => a.Id).ToListAsync());

    private static string Outcome(AuditEntry entry) => JsonDocument.Parse(entry.After!).RootElement.GetProperty("outcome").GetString()!;

    [Fact]
    public async Task Sign_ins_by_page_and_token_are_audited_with_the_address_and_never_the_password()
    {
        var (host, helpers, address) = await HostAsync();
        await using var _ = host;
        var user = await helpers.CreateUserAsync("reviewer.tn@test.example", Roles.Reviewer, state: "TN");
        const string wrong = "Wrong-Password-Sentinel-77";

        Assert.Equal(HttpStatusCode.Redirect, (await WebFixture.SignInThroughFormAsync(Client(address), "reviewer.tn@test.example")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await WebFixture.SignInThroughFormAsync(Client(address), "reviewer.tn@test.example", wrong)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await WebFixture.SignInThroughFormAsync(Client(address), "nobody@test.example", wrong)).StatusCode);
        var api = Client(address);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync("/api/v1/auth/token", new { email = "reviewer.tn@test.example", password = WebFixture.Password })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.PostAsJsonAsync("/api/v1/auth/token", new { email = "nobody@test.example", password = wrong })).StatusCode);

        var signIns = await EntriesAsync(AuditKind.SignIn);
        Assert.Equal(
            [
                ("SignIn", "reviewer.tn@test.example", user.Id.ToString(), "Succeeded", "page", "TN"),
                ("SignInFailed", "reviewer.tn@test.example", user.Id.ToString(), "WrongPassword", "page", "TN"),
                ("SignInFailed", "nobody@test.example", "", "UnknownAccount", "page", null),
                ("SignIn", "reviewer.tn@test.example", user.Id.ToString(), "Succeeded", "token", "TN"),
                ("SignInFailed", "nobody@test.example", "", "UnknownAccount", "token", null),
            ],
            signIns.Select(e => (e.Action, e.ActorName!, e.EntityId, Outcome(e), JsonDocument.Parse(e.After!).RootElement.GetProperty("via").GetString()!, e.StateCode)));
        Assert.All(signIns, e => Assert.Equal(Loopback, e.ClientAddress));
        var everything = await Fixture.QueryAsync(db => db.AuditEntries.ToListAsync());
        Assert.DoesNotContain(everything, e => $"{e.ActorName} {e.EntityId} {e.Before} {e.After}".Contains(wrong) || $"{e.Before} {e.After}".Contains(WebFixture.Password));
    }

    [Fact]
    public async Task Refusals_by_an_endpoints_policy_and_by_a_use_case_are_audited()
    {
        var (host, helpers, address) = await HostAsync();
        await using var _ = host;
        await RecordsWebScenario.DraftAsync(helpers);
        var page = Client(address);
        await WebFixture.SignInThroughFormAsync(page, "applicant@test.example");
        var api = await BearerAsync(address, "applicant@test.example");

        var staffPage = await page.GetAsync("/Staff/Audit");
        var auditApi = await api.GetAsync("/api/v1/audit/TN");

        Assert.Equal(HttpStatusCode.Redirect, staffPage.StatusCode);
        Assert.Contains("/Account/AccessDenied", staffPage.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.Forbidden, auditApi.StatusCode);
        var refusals = await EntriesAsync(AuditKind.Refusal);
        Assert.Equal([("Endpoint", "GET /Staff/Audit"), ("Request", "ListAuditEntries")], refusals.Select(e => (e.EntityType, e.EntityId)));
        Assert.All(refusals, e => Assert.Equal(("Forbidden", "applicant@test.example", Loopback), (e.Action, e.ActorName, e.ClientAddress)));
    }

    [Fact]
    public async Task Downloads_of_personal_data_are_audited_with_who_and_what_never_the_contents()
    {
        var (host, helpers, address) = await HostAsync();
        await using var _ = host;
        var draft = await RecordsWebScenario.DraftAsync(helpers);
        var personId = await helpers.QueryAsync(db => db.Applications.Where(a => a.Id == draft).Select(a => a.PersonId).SingleAsync());
        var applicant = await BearerAsync(address, "applicant@test.example");
        var file = new ByteArrayContent(RecordsWebScenario.Pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        var uploaded = await applicant.PostAsync("/api/v1/documents", new MultipartFormDataContent { { file, "evidence", "certificate.pdf" } });
        var documentId = (await uploaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("documentId").GetGuid();
        Assert.Equal(HttpStatusCode.Created, (await applicant.PostAsJsonAsync($"/api/v1/applications/{draft}/training",
            new { course = "Peer Ethics", provider = "State", domainCode = "ETHICS", hours = 6, completedOn = RecordsWebScenario.Today(-2), evidenceDocumentId = documentId })).StatusCode);
        await helpers.CreateUserAsync("reviewer.tn@test.example", Roles.Reviewer, state: "TN");
        var reviewer = await BearerAsync(address, "reviewer.tn@test.example");

        Assert.Equal(HttpStatusCode.OK, (await applicant.GetAsync("/api/v1/me/record.xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync($"/api/v1/documents/{documentId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync("/api/v1/exports/roster/TN")).StatusCode);

        var reads = await EntriesAsync(AuditKind.Access);
        Assert.Equal(
            [
                ("ExportMyRecord", "applicant@test.example", "Person", personId.ToString(), (string?)null),
                ("DownloadEvidence", "reviewer.tn@test.example", "EvidenceDocument", documentId.ToString(), "TN"),
                ("ExportRoster", "reviewer.tn@test.example", "Roster", "TN", "TN"),
            ],
            reads.Select(e => (e.Action, e.ActorName!, e.EntityType, e.EntityId, e.StateCode)));
        Assert.All(reads, e => Assert.Equal((Loopback, (string?)null, (string?)null), (e.ClientAddress, e.Before, e.After)));

        // The state's audit log shows them, filtered by kind.
        var admin = await helpers.CreateUserAsync("admin.tn@test.example", Roles.StateAdmin, state: "TN");
        var reader = await BearerAsync(address, admin.Email!);
        var page = await reader.GetFromJsonAsync<JsonElement>("/api/v1/audit/TN?kind=Access");
        Assert.Equal(["ExportRoster", "DownloadEvidence"], page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()!));
    }
}

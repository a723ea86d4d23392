using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Registry.Application.Common.Paging;
using Registry.Domain.Applications;
using Registry.Domain.Credentials;
using Registry.Domain.Eligibility;
using Registry.Domain.Jurisdictions;
using Registry.Testing;
using Registry.Web.Tests.Review;

namespace Registry.Web.Tests.Paging;

/// <summary>The lists that can grow answer one shape, { items, next }, and take cursor and limit the same way.</summary>
public sealed class CursorPagingApiTests(WebFixture fixture) : WebTest(fixture)
{
    private static readonly string[] Lists =
    [
        "/api/v1/review/TN/queue",
        "/api/v1/review/TN/cases",
        "/api/v1/audit/TN",
        "/api/v1/credentials?state=TN",
        "/api/v1/verifications?lastName=a&state=TN",
    ];

    private static string With(string list, string query) => list + (list.Contains('?') ? "&" : "?") + query;

    [Fact]
    public async Task Every_list_answers_items_and_next_and_refuses_a_limit_out_of_range_or_an_altered_cursor_by_name()
    {
        await ReviewWebScenario.UnderReviewAsync(Fixture, 3);
        var api = await Fixture.ApiClientAsync(ReviewWebScenario.StateAdmin);

        foreach (var list in Lists)
        {
            var page = await api.GetFromJsonAsync<JsonElement>(With(list, "limit=1"));
            Assert.Equal(["items", "next"], page.EnumerateObject().Select(p => p.Name));

            foreach (var limit in new[] { "0", $"{Cursor.MaximumLimit + 1}" })
            {
                var refused = await api.GetAsync(With(list, $"limit={limit}"));
                Assert.True(refused.StatusCode == HttpStatusCode.BadRequest, $"{list} limit={limit}: {refused.StatusCode}");
                Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("limit", out _), list);
            }
            Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync(With(list, "limit=many"))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(With(list, $"limit={Cursor.MaximumLimit}"))).StatusCode);

            var altered = await api.GetAsync(With(list, "cursor=eyJJZCI6"));
            Assert.True(altered.StatusCode == HttpStatusCode.BadRequest, $"{list} altered cursor: {altered.StatusCode}");
            var errors = (await altered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
            Assert.Equal(Cursor.InvalidMessage, errors.GetProperty("cursor")[0].GetString());
        }
    }

    [Fact]
    public async Task Paging_through_the_queue_and_the_credentials_while_rows_arrive_reads_every_row_once()
    {
        var waiting = await ReviewWebScenario.UnderReviewAsync(Fixture, 5);
        var program = await Fixture.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Programs));
        var issued = new List<Guid>();
        foreach (var last in new[] { "Moss", "Moss", "Lund", "Noor", "Park" })
            issued.Add((await IssueAsync(program, "Quinn", last)).Id);
        var api = await Fixture.ApiClientAsync(ReviewWebScenario.Reviewer);

        // Between pages, rows arrive on both sides of the cursor: one before every row read (an offset would repeat a row), one after.
        var queue = await ReadAllAsync(api, "/api/v1/review/TN/queue?limit=2", "applicationId", async pages =>
        {
            await UnderReviewAsync(program, $"Earlier{pages}", Now.AddDays(-30 - pages));
            await UnderReviewAsync(program, $"Later{pages}", Now.AddDays(pages));
        });
        var credentials = await ReadAllAsync(api, "/api/v1/credentials?state=TN&limit=2", "id", async pages =>
        {
            await IssueAsync(program, $"New{pages}", "Aaberg");
            await IssueAsync(program, $"New{pages}", "Zurich");
        });

        AssertEachOnce(waiting, queue);
        AssertEachOnce(issued, credentials);
    }

    [Fact]
    public async Task The_audit_log_is_filtered_by_camelCase_parameters_and_its_actions_are_a_list_of_their_own()
    {
        await ReviewWebScenario.UnderReviewAsync(Fixture);
        var program = await Fixture.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Programs));
        var credential = await IssueAsync(program, "Quinn", "Audited");
        await IssueAsync(program, "Ray", "Other");
        var admin = await Fixture.ApiClientAsync(ReviewWebScenario.StateAdmin);

        var document = await Fixture.Client().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var parameters = document.GetProperty("paths").GetProperty("/api/v1/audit/{state}").GetProperty("get").GetProperty("parameters")
            .EnumerateArray().Select(p => p.GetProperty("name").GetString());
        Assert.Equal(["state", "kind", "action", "entityType", "entityId", "actor", "from", "to", "cursor", "limit"], parameters);

        var entries = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/audit/TN?entityType=Credential&entityId={credential.Id}&from=2027-06-15&to=2027-06-15&limit=10");
        var entry = Assert.Single(entries.GetProperty("items").EnumerateArray());
        Assert.Equal((credential.Id.ToString(), "Credential"), (entry.GetProperty("entityId").GetString(), entry.GetProperty("entityType").GetString()));
        Assert.Empty((await admin.GetFromJsonAsync<JsonElement>($"/api/v1/audit/TN?entityType=Credential&entityId={credential.Id}&from=2027-06-16"))
            .GetProperty("items").EnumerateArray());
        var actions = await admin.GetFromJsonAsync<string[]>("/api/v1/audit/TN/actions");
        Assert.Contains(entry.GetProperty("action").GetString(), actions!);
    }

    [Fact]
    public async Task Staff_list_their_states_credentials_and_cases_by_credentialNumber_without_private_words()
    {
        await ReviewWebScenario.UnderReviewAsync(Fixture);
        var program = await Fixture.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Programs));
        var holder = TestData.Person("Quinn", "Holder");
        var credential = Credential.Issue(program, holder.Id, TestClock.StartDay.AddMonths(-6), Guid.NewGuid(), Now);
        var opened = DisciplineCase.Open(credential, "A secret allegation.", TestClock.StartDay.AddDays(10), TestClock.StartDay, Guid.NewGuid(), Now);
        opened.RecordResponse(credential, "My secret side.", TestClock.StartDay, Guid.NewGuid(), Now);
        await Fixture.InsertAsync(holder, credential, opened);
        var reviewer = await Fixture.ApiClientAsync(ReviewWebScenario.Reviewer);

        var found = await reviewer.GetFromJsonAsync<JsonElement>($"/api/v1/credentials?state=TN&search={credential.Number.Value}");
        var cases = await reviewer.GetAsync("/api/v1/review/TN/cases?open=true");

        var row = Assert.Single(found.GetProperty("items").EnumerateArray());
        Assert.Equal((credential.Number.Value, "Quinn Holder"), (row.GetProperty("credentialNumber").GetString(), row.GetProperty("holderName").GetString()));
        var body = await cases.Content.ReadAsStringAsync();
        Assert.DoesNotContain("secret", body);
        var @case = Assert.Single(JsonDocument.Parse(body).RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal((credential.Number.Value, "ResponseReceived", "2027-06-25"),
            (@case.GetProperty("credentialNumber").GetString(), @case.GetProperty("status").GetString(), @case.GetProperty("responseDueOn").GetString()));
        Assert.Empty((await reviewer.GetFromJsonAsync<JsonElement>("/api/v1/review/TN/cases?open=false")).GetProperty("items").EnumerateArray());
        Assert.Equal(HttpStatusCode.BadRequest, (await reviewer.GetAsync("/api/v1/credentials")).StatusCode); // the state is required
    }

    private static void AssertEachOnce(IEnumerable<Guid> before, List<string> read)
    {
        Assert.Equal(read.Count, read.Distinct().Count());
        Assert.Empty(before.Select(id => id.ToString()).Except(read));
    }

    private async Task<Credential> IssueAsync(CredentialProgram program, string first, string last)
    {
        var holder = TestData.Person(first, last);
        var credential = Credential.Issue(program, holder.Id, TestClock.StartDay.AddMonths(-6), Guid.NewGuid(), Now);
        await Fixture.InsertAsync(holder, credential);
        return credential;
    }

    private async Task UnderReviewAsync(CredentialProgram program, string first, DateTimeOffset at)
    {
        var person = TestData.Person(first);
        var application = CertificationApplication.Start(person.Id, program.Id, ApplicationType.Initial, Guid.NewGuid(), at);
        application.Submit(Guid.NewGuid(), at, EligibilityCheck.Evaluate(TestData.NoRequirements(), ApplicantRecords.Of(application, []), new Dictionary<string, string>(), false));
        application.BeginReview(Guid.NewGuid(), at);
        await Fixture.InsertAsync(person, application);
    }

    private static async Task<List<string>> ReadAllAsync(HttpClient api, string list, string idProperty, Func<int, Task> between)
    {
        var ids = new List<string>();
        string? cursor = null;
        for (var pages = 1; ; pages++)
        {
            var page = await api.GetFromJsonAsync<JsonElement>(cursor is null ? list : With(list, $"cursor={Uri.EscapeDataString(cursor)}"));
            ids.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty(idProperty).ToString()));
            cursor = page.GetProperty("next").GetString();
            if (cursor is null) return ids;
            Assert.True(pages < 100, "The list never ends.");
            await between(pages);
        }
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Security;
using Registry.Testing;
using Registry.Web.Infrastructure;
using Registry.Web.Tests.Records;

namespace Registry.Web.Tests.Api;

/// <summary>Idempotency-Key on the API's POSTs: a retry gets the first answer and the work is done once.</summary>
public sealed class IdempotencyTests(WebFixture fixture) : WebTest(fixture)
{
    private const string Key = "5f0c2a8e-6c1b-4f7e-9d3a-2b8e4c1d7a90";

    private static readonly object Course = new { course = "Peer Ethics", provider = "State", domainCode = "ETHICS", hours = 6.5, completedOn = RecordsWebScenario.Today(-2) };

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, HttpContent? content, string? key = Key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        if (key is not null) request.Headers.Add(IdempotencyKeys.Header, key);
        return client.SendAsync(request);
    }

    private static Task<HttpResponseMessage> PostJsonAsync(HttpClient client, string path, object body, string? key = Key) =>
        PostAsync(client, path, JsonContent.Create(body), key);

    /// <summary>A client retrying an upload sends the same bytes, boundary included.</summary>
    private static MultipartFormDataContent Upload()
    {
        var file = new ByteArrayContent(RecordsWebScenario.Pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return new MultipartFormDataContent("retried-upload-boundary") { { file, "evidence", "certificate.pdf" } };
    }

    private static bool Replayed(HttpResponseMessage response) =>
        response.Headers.TryGetValues(IdempotencyKeys.ReplayedHeader, out var values) && values.Single() == "true";

    /// <summary>The body as JSON (read as text, which the content keeps, so a test may read it again).</summary>
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static async Task<Guid> RecordIdAsync(HttpResponseMessage response) => (await JsonAsync(response)).GetProperty("recordId").GetGuid();

    private static async Task<Guid> DocumentIdAsync(HttpResponseMessage response) => (await JsonAsync(response)).GetProperty("documentId").GetGuid();

    private Task<int> DocumentCountAsync() => Fixture.QueryAsync(db => db.Documents.CountAsync());

    private async Task<(Guid ApplicationId, HttpClient Applicant)> DraftAsync(string email = "applicant@test.example", string state = "TN")
    {
        var id = await RecordsWebScenario.DraftAsync(Fixture, email, state);
        return (id, await Fixture.ApiClientAsync(email));
    }

    private Task<int> TrainingCountAsync(Guid applicationId) =>
        Fixture.QueryAsync(db => db.Applications.Where(a => a.Id == applicationId).SelectMany(a => a.TrainingRecords).CountAsync());

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected, string title)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(title, (await JsonAsync(response)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_retried_start_gets_the_first_status_body_and_location_and_starts_one_application_with_one_audit_entry()
    {
        var state = TestData.State("TN", "Tennessee", "CPRS", TestData.NoRequirements());
        var person = TestData.Person();
        await Fixture.InsertAsync(state, person);
        await Fixture.CreateUserAsync("applicant@test.example", Roles.Applicant, personId: person.Id);
        var applicant = await Fixture.ApiClientAsync("applicant@test.example");
        var start = new { programId = state.Programs[0].Id };

        var first = await PostJsonAsync(applicant, "/api/v1/applications", start);
        var audited = await Fixture.QueryAsync(db => db.AuditEntries.CountAsync());
        var retried = await PostJsonAsync(applicant, "/api/v1/applications", start);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.False(Replayed(first));
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        Assert.True(Replayed(retried));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retried.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, retried.Headers.Location);
        Assert.Equal(first.Content.Headers.ContentType, retried.Content.Headers.ContentType);
        Assert.Equal(1, await Fixture.QueryAsync(db => db.Applications.CountAsync()));
        Assert.Equal(audited, await Fixture.QueryAsync(db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task A_retried_upload_training_record_and_confirmation_request_are_done_once()
    {
        var (id, applicant) = await DraftAsync();

        var uploads = new[] { await PostAsync(applicant, "/api/v1/documents", Upload(), "upload-1"), await PostAsync(applicant, "/api/v1/documents", Upload(), "upload-1") };
        var records = new[] { await PostJsonAsync(applicant, $"/api/v1/applications/{id}/training", Course), await PostJsonAsync(applicant, $"/api/v1/applications/{id}/training", Course) };
        var referee = await PostJsonAsync(applicant, $"/api/v1/applications/{id}/references", new { refereeName = "Lee Okafor", refereeEmail = "lee@example.org", relationship = "Manager" }, key: null);
        var confirmationRequests = $"/api/v1/applications/{id}/references/{await RecordIdAsync(referee)}/confirmation-requests";
        var mailed = new[] { await PostAsync(applicant, confirmationRequests, null, "mail-1"), await PostAsync(applicant, confirmationRequests, null, "mail-1") };

        Assert.All(uploads.Concat(records), r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.All(mailed, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal([false, true, false, true, false, true], uploads.Concat(records).Concat(mailed).Select(Replayed));
        Assert.Equal(await uploads[0].Content.ReadAsStringAsync(), await uploads[1].Content.ReadAsStringAsync());
        Assert.Equal(await RecordIdAsync(records[0]), await RecordIdAsync(records[1]));
        Assert.Equal(1, await DocumentCountAsync());
        Assert.Equal(1, await TrainingCountAsync(id));
        Assert.Equal(1, await Fixture.QueryAsync(db => db.Notifications.CountAsync(n => n.RecipientEmail == "lee@example.org")));
    }

    [Fact]
    public async Task The_key_with_another_body_or_path_is_422_and_writes_nothing()
    {
        var (id, applicant) = await DraftAsync();
        Assert.Equal(HttpStatusCode.Created, (await PostJsonAsync(applicant, $"/api/v1/applications/{id}/training", Course)).StatusCode);

        var otherBody = await PostJsonAsync(applicant, $"/api/v1/applications/{id}/training",
            new { course = "Advocacy", provider = "State", domainCode = "ADVOCACY", hours = 4, completedOn = RecordsWebScenario.Today(-3) });
        var otherPath = await PostJsonAsync(applicant, $"/api/v1/applications/{id}/work",
            new { kind = "Paid", organisation = "Harbor House", startOn = RecordsWebScenario.Today(-30), endOn = RecordsWebScenario.Today(-1), hours = 80 });

        await AssertProblemAsync(otherBody, HttpStatusCode.UnprocessableEntity, "used for a different request");
        await AssertProblemAsync(otherPath, HttpStatusCode.UnprocessableEntity, "used for a different request");
        Assert.Equal(1, await TrainingCountAsync(id));
        Assert.Equal(0, await Fixture.QueryAsync(db => db.Applications.Where(a => a.Id == id).SelectMany(a => a.WorkExperience).CountAsync()));
    }

    [Fact]
    public async Task Another_caller_with_the_same_key_has_a_key_of_their_own()
    {
        var (mine, me) = await DraftAsync();
        var (theirs, them) = await DraftAsync("other@test.example", "PA");

        var myFirst = await PostJsonAsync(me, $"/api/v1/applications/{mine}/training", Course);
        var theirFirst = await PostJsonAsync(them, $"/api/v1/applications/{theirs}/training", Course);
        var myRetry = await PostJsonAsync(me, $"/api/v1/applications/{mine}/training", Course);

        Assert.Equal(HttpStatusCode.Created, theirFirst.StatusCode);
        Assert.False(Replayed(theirFirst));
        Assert.True(Replayed(myRetry));
        Assert.Equal(await RecordIdAsync(myFirst), await RecordIdAsync(myRetry));
        Assert.NotEqual(await RecordIdAsync(myFirst), await RecordIdAsync(theirFirst));
        Assert.Equal((1, 1), (await TrainingCountAsync(mine), await TrainingCountAsync(theirs)));
    }

    [Fact]
    public async Task After_24_hours_the_key_is_new_again_and_the_old_answer_is_purged()
    {
        var (_, applicant) = await DraftAsync();
        var first = await PostAsync(applicant, "/api/v1/documents", Upload());

        // Bearer tokens last an hour: each request after a move of the clock signs in afresh.
        Fixture.Factory.Clock.Advance(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));
        var withinADay = await PostAsync(await Fixture.ApiClientAsync("applicant@test.example"), "/api/v1/documents", Upload());
        Fixture.Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var aDayLater = await PostAsync(await Fixture.ApiClientAsync("applicant@test.example"), "/api/v1/documents", Upload());

        Assert.True(Replayed(withinADay));
        Assert.Equal(HttpStatusCode.Created, aDayLater.StatusCode);
        Assert.False(Replayed(aDayLater));
        Assert.NotEqual(await DocumentIdAsync(first), await DocumentIdAsync(aDayLater));
        Assert.Equal(2, await DocumentCountAsync());
        var kept = await Fixture.QueryAsync(db => db.IdempotentRequests.Select(r => r.ReceivedAt).ToListAsync());
        Assert.Equal([Now], kept);
    }

    [Fact]
    public async Task Without_the_header_a_request_is_done_as_before_and_the_keyed_retry_is_still_replayed()
    {
        var (_, applicant) = await DraftAsync();

        var keyed = await PostAsync(applicant, "/api/v1/documents", Upload());
        var unkeyed = await PostAsync(applicant, "/api/v1/documents", Upload(), key: null);
        var retried = await PostAsync(applicant, "/api/v1/documents", Upload());

        Assert.Equal(HttpStatusCode.Created, unkeyed.StatusCode);
        Assert.False(Replayed(unkeyed));
        Assert.NotEqual(await DocumentIdAsync(keyed), await DocumentIdAsync(unkeyed));
        Assert.True(Replayed(retried));
        Assert.Equal(await DocumentIdAsync(keyed), await DocumentIdAsync(retried));
        Assert.Equal(2, await DocumentCountAsync());
    }

    [Fact]
    public async Task A_second_web_server_on_the_same_database_replays_the_first_servers_answer()
    {
        var (id, applicant) = await DraftAsync();
        await using var secondServer = new RegistryFactory(Fixture.Factory.Database, settings: new Dictionary<string, string?> { ["Jobs:RunServer"] = "false" });
        var throughSecond = await new WebFixture(secondServer).ApiClientAsync("applicant@test.example");

        var first = await PostJsonAsync(applicant, $"/api/v1/applications/{id}/training", Course);
        var retried = await PostJsonAsync(throughSecond, $"/api/v1/applications/{id}/training", Course);

        Assert.True(Replayed(retried));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retried.Content.ReadAsStringAsync());
        Assert.Equal(1, await TrainingCountAsync(id));
    }

    [Fact]
    public async Task Concurrent_requests_with_one_key_do_the_work_once_and_the_others_wait_or_get_the_answer()
    {
        var (_, applicant) = await DraftAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => PostAsync(applicant, "/api/v1/documents", Upload())));

        var done = answers.Where(a => a.StatusCode == HttpStatusCode.Created).ToList();
        Assert.Single(done, a => !Replayed(a));
        foreach (var waiting in answers.Except(done))
        {
            await AssertProblemAsync(waiting, HttpStatusCode.Conflict, "still being processed");
            Assert.NotNull(waiting.Headers.RetryAfter);
        }
        Assert.Single((await Task.WhenAll(done.Select(DocumentIdAsync))).Distinct());
        Assert.Equal(1, await DocumentCountAsync());
    }

    [Fact]
    public async Task A_malformed_key_is_a_400_naming_the_header_and_a_refusal_is_kept_like_any_answer()
    {
        var (id, applicant) = await DraftAsync();
        var path = $"/api/v1/applications/{id}/training";

        var tooLong = await PostJsonAsync(applicant, path, Course, key: new string('k', 256));
        var refused = await PostJsonAsync(applicant, path, new { course = "A" });
        var refusedAgain = await PostJsonAsync(applicant, path, new { course = "A" });

        await AssertProblemAsync(tooLong, HttpStatusCode.BadRequest, "Idempotency-Key");
        Assert.True((await JsonAsync(tooLong)).GetProperty("errors").TryGetProperty(IdempotencyKeys.Header, out _));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True(Replayed(refusedAgain));
        Assert.Equal(await refused.Content.ReadAsStringAsync(), await refusedAgain.Content.ReadAsStringAsync());
        Assert.Equal(0, await TrainingCountAsync(id));
    }

    [Fact]
    public async Task Answers_that_carry_secrets_are_never_kept_while_anonymous_callers_keys_are()
    {
        await Fixture.CreateUserAsync("applicant@test.example", Roles.Applicant);
        var signIn = new { email = "applicant@test.example", password = WebFixture.Password };
        var forgot = new { email = "applicant@test.example" };

        var tokens = new[] { await PostJsonAsync(Fixture.Client(), "/api/v1/auth/token", signIn), await PostJsonAsync(Fixture.Client(), "/api/v1/auth/token", signIn) };
        var registered = await PostJsonAsync(Fixture.Client(), "/api/v1/account/register",
            new { legalFirstName = "Sam", legalLastName = "Reyes", email = "new@test.example", password = WebFixture.Password }, "register-1");
        var resets = new[] { await PostJsonAsync(Fixture.Client(), "/api/v1/account/forgot-password", forgot, "reset-1"), await PostJsonAsync(Fixture.Client(), "/api/v1/account/forgot-password", forgot, "reset-1") };

        Assert.All(tokens, t => Assert.Equal(HttpStatusCode.OK, t.StatusCode));
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        Assert.DoesNotContain(tokens.Append(registered), Replayed);
        Assert.Equal([false, true], resets.Select(Replayed));
        Assert.Equal(1, await Fixture.QueryAsync(db => db.Notifications.CountAsync(n => n.RecipientEmail == "applicant@test.example")));
        Assert.Equal(["anonymous"], await Fixture.QueryAsync(db => db.IdempotentRequests.Select(r => r.Caller).ToListAsync()));
    }

    [Fact]
    public async Task The_OpenAPI_document_names_the_header_on_the_POSTs_that_take_it()
    {
        var document = JsonDocument.Parse(await Fixture.Client().GetStringAsync("/openapi/v1.json")).RootElement.GetProperty("paths");

        bool TakesKey(string path) => document.GetProperty(path).GetProperty("post").TryGetProperty("parameters", out var parameters)
            && parameters.EnumerateArray().Any(p => p.GetProperty("name").GetString() == IdempotencyKeys.Header && p.GetProperty("in").GetString() == "header");

        Assert.True(TakesKey("/api/v1/applications"));
        Assert.True(TakesKey("/api/v1/documents"));
        Assert.False(TakesKey("/api/v1/auth/token"));
        Assert.False(TakesKey("/api/v1/verifications/bulk"));
    }
}

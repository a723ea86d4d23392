using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Registry.Web.Tests.Records;

/// <summary>The records API: created records, multipart evidence, public confirmation links, and problem details for bad input.</summary>
public sealed class RecordsApiTests(WebFixture fixture) : WebTest(fixture)
{
    private async Task<(Guid ApplicationId, HttpClient Applicant)> ApplicantAsync()
    {
        var id = await RecordsWebScenario.DraftAsync(Fixture);
        return (id, await Fixture.ApiClientAsync("applicant@test.example"));
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static MultipartFormDataContent Upload(byte[] bytes, string name)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return new MultipartFormDataContent { { file, "evidence", name } };
    }

    private async Task<int> RecordCountAsync(HttpClient applicant, Guid id)
    {
        var records = await applicant.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{id}/records");
        return new[] { "training", "work", "supervision", "references" }.Sum(kind => records.GetProperty(kind).GetArrayLength());
    }

    [Fact]
    public async Task Records_are_added_with_evidence_and_removed()
    {
        var (id, applicant) = await ApplicantAsync();
        var uploaded = await applicant.PostAsync("/api/v1/documents", Upload(RecordsWebScenario.Pdf, "certificate.pdf"));
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var documentId = (await uploaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("documentId").GetGuid();

        var created = await applicant.PostAsJsonAsync($"/api/v1/applications/{id}/training",
            new { course = "Peer Ethics", provider = "State", domainCode = "ETHICS", hours = 6.5, completedOn = RecordsWebScenario.Today(-2), evidenceDocumentId = documentId });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var recordId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("recordId").GetGuid();
        var work = await applicant.PostAsJsonAsync($"/api/v1/applications/{id}/work",
            new { kind = "Paid", organisation = "Harbor House", startOn = RecordsWebScenario.Today(-30), endOn = RecordsWebScenario.Today(-1), hours = 80 });
        Assert.Equal(HttpStatusCode.Created, work.StatusCode);
        Assert.Equal(2, await RecordCountAsync(applicant, id));

        Assert.Equal(RecordsWebScenario.Pdf, await applicant.GetByteArrayAsync($"/api/v1/documents/{documentId}"));
        Assert.Equal(HttpStatusCode.NoContent, (await applicant.DeleteAsync($"/api/v1/applications/{id}/training/{recordId}")).StatusCode);
        Assert.Equal(1, await RecordCountAsync(applicant, id));
    }

    [Theory]
    [InlineData("{", HttpStatusCode.BadRequest)]
    [InlineData("[]", HttpStatusCode.BadRequest)]
    [InlineData("{\"course\":\"A\",\"provider\":\"B\",\"hours\":\"many\",\"completedOn\":\"2024-01-10\"}", HttpStatusCode.BadRequest)]
    [InlineData("{\"course\":\"A\",\"provider\":\"B\",\"hours\":1e40,\"completedOn\":\"2024-01-10\"}", HttpStatusCode.BadRequest)]
    [InlineData("{\"course\":\"A\",\"provider\":\"B\",\"hours\":99999999999999999999999,\"completedOn\":\"2024-01-10\"}", HttpStatusCode.BadRequest)]
    [InlineData("{\"course\":\"A\",\"provider\":\"B\",\"hours\":2,\"completedOn\":\"2024-02-30\"}", HttpStatusCode.BadRequest)]
    [InlineData("{\"course\":\"A\",\"provider\":\"B\",\"hours\":0,\"completedOn\":\"2024-01-10\"}", HttpStatusCode.BadRequest)]
    [InlineData("{\"course\":\"A\",\"provider\":\"B\",\"hours\":1.1,\"completedOn\":\"2024-01-10\"}", HttpStatusCode.Conflict)]
    [InlineData("{\"course\":\"A\",\"provider\":\"B\",\"domainCode\":\"NOPE\",\"hours\":2,\"completedOn\":\"2024-01-10\"}", HttpStatusCode.Conflict)]
    [InlineData("{\"course\":\"A\",\"provider\":\"B\",\"hours\":2,\"completedOn\":\"2999-01-10\"}", HttpStatusCode.Conflict)]
    public async Task Bad_training_input_is_a_problem_and_writes_nothing(string body, HttpStatusCode expected)
    {
        var (id, applicant) = await ApplicantAsync();

        var problem = await ProblemAsync(await applicant.PostAsync($"/api/v1/applications/{id}/training", Json(body)), expected);

        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.Equal(0, await RecordCountAsync(applicant, id));
    }

    [Fact]
    public async Task Work_ending_before_it_starts_and_someone_elses_application_are_problems()
    {
        var (id, applicant) = await ApplicantAsync();
        var theirs = await RecordsWebScenario.DraftAsync(Fixture, "other@test.example", "PA");

        var backwards = await ProblemAsync(await applicant.PostAsJsonAsync($"/api/v1/applications/{id}/work",
            new { kind = "Volunteer", organisation = "Harbor House", startOn = RecordsWebScenario.Today(-1), endOn = RecordsWebScenario.Today(-9), hours = 8 }), HttpStatusCode.Conflict);
        await ProblemAsync(await applicant.PostAsJsonAsync($"/api/v1/applications/{theirs}/references",
            new { refereeName = "Lee", refereeEmail = "lee@example.org", relationship = "Manager" }), HttpStatusCode.NotFound);

        Assert.Equal("The end date is before the start date.", backwards.GetProperty("detail").GetString());
        Assert.Equal(0, await RecordCountAsync(applicant, id));
    }

    [Theory]
    [InlineData("Just text pretending to be a PDF.", "not a PDF, PNG or JPEG")]
    [InlineData("", "empty")]
    public async Task An_upload_that_is_not_evidence_is_a_field_problem(string text, string reason)
    {
        var (_, applicant) = await ApplicantAsync();

        var problem = await ProblemAsync(await applicant.PostAsync("/api/v1/documents", Upload(Encoding.UTF8.GetBytes(text), "certificate.pdf")), HttpStatusCode.BadRequest);

        Assert.Contains(reason, problem.GetProperty("errors").GetProperty("evidence")[0].GetString());
    }

    [Fact]
    public async Task An_upload_over_10_MB_is_refused_and_others_cannot_download_evidence()
    {
        var (_, applicant) = await ApplicantAsync();
        var uploaded = await applicant.PostAsync("/api/v1/documents", Upload(RecordsWebScenario.Pdf, "certificate.pdf"));
        var documentId = (await uploaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("documentId").GetGuid();
        await RecordsWebScenario.DraftAsync(Fixture, "other@test.example", "PA");
        var stranger = await Fixture.ApiClientAsync("other@test.example");

        var tooLarge = await applicant.PostAsync("/api/v1/documents", Upload([.. "%PDF-"u8, .. new byte[10 * 1024 * 1024]], "big.pdf"));

        Assert.True(tooLarge.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, $"got {tooLarge.StatusCode}");
        Assert.Equal("application/problem+json", tooLarge.Content.Headers.ContentType?.MediaType);
        await ProblemAsync(await stranger.GetAsync($"/api/v1/documents/{documentId}"), HttpStatusCode.NotFound);
        await ProblemAsync(await Fixture.Client().PostAsync("/api/v1/documents", Upload(RecordsWebScenario.Pdf, "x.pdf")), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_referee_confirms_anonymously_once_and_an_altered_link_is_refused()
    {
        var (id, applicant) = await ApplicantAsync();
        var added = await applicant.PostAsJsonAsync($"/api/v1/applications/{id}/references", new { refereeName = "Lee Okafor", refereeEmail = "lee@example.org", relationship = "Manager" });
        var referenceId = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("recordId").GetGuid();
        var requested = await applicant.PostAsync($"/api/v1/applications/{id}/references/{referenceId}/confirmation-requests", null);
        Assert.Equal(HttpStatusCode.OK, requested.StatusCode);
        Assert.DoesNotContain("/Confirm/", await requested.Content.ReadAsStringAsync()); // the link goes only to the referee
        var token = await RecordsWebScenario.TokenMailedToAsync(Fixture, "lee@example.org");
        var anonymous = Fixture.Client();

        var asked = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/confirmations/{token}");
        var confirmed = await anonymous.PostAsJsonAsync($"/api/v1/confirmations/{token}", new { statement = "Reliable and kind." });
        var again = await anonymous.PostAsJsonAsync($"/api/v1/confirmations/{token}", new { statement = "Again." });
        var altered = await anonymous.GetAsync($"/api/v1/confirmations/{token[..^2]}xx");

        Assert.Equal("Robin Alvarez", asked.GetProperty("applicantName").GetString());
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("already been used", (await ProblemAsync(again, HttpStatusCode.Conflict)).GetProperty("detail").GetString());
        Assert.Contains("not valid", (await ProblemAsync(altered, HttpStatusCode.Conflict)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_supervisor_batch_request_with_nothing_waiting_is_a_conflict()
    {
        var (id, applicant) = await ApplicantAsync();

        var problem = await ProblemAsync(await applicant.PostAsJsonAsync($"/api/v1/applications/{id}/supervision/confirmation-requests",
            new { supervisorEmail = "dana@example.org" }), HttpStatusCode.Conflict);

        Assert.Contains("No sessions with dana@example.org", problem.GetProperty("detail").GetString());
    }
}

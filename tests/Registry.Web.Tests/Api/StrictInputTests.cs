using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Registry.Application.Common.Security;
using Registry.Domain.Credentials;
using Registry.Testing;
using Registry.Web.Tests.Records;

namespace Registry.Web.Tests.Api;

/// <summary>The API reads JSON strictly: what it cannot use is refused by name, never dropped or defaulted.</summary>
public sealed class StrictInputTests(WebFixture fixture) : WebTest(fixture)
{
    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement.GetProperty("errors");
    }

    private async Task<(Guid ApplicationId, HttpClient Applicant)> DraftAsync()
    {
        var id = await RecordsWebScenario.DraftAsync(Fixture);
        return (id, await Fixture.ApiClientAsync("applicant@test.example"));
    }

    private static async Task<int> TrainingCountAsync(HttpClient applicant, Guid id) =>
        (await applicant.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{id}/records")).GetProperty("training").GetArrayLength();

    [Fact]
    public async Task A_misspelt_field_is_refused_by_name_instead_of_adding_the_record_without_it()
    {
        var (id, applicant) = await DraftAsync();

        var errors = await ErrorsAsync(await applicant.PostAsJsonAsync($"/api/v1/applications/{id}/training",
            new { course = "Peer Ethics", provider = "State", hours = 6.5, completedOn = RecordsWebScenario.Today(-2), documentId = Guid.NewGuid() }));

        Assert.Equal(["documentId"], errors.EnumerateObject().Select(e => e.Name));
        Assert.Contains("not part of this request", errors.GetProperty("documentId")[0].GetString());
        Assert.Equal(0, await TrainingCountAsync(applicant, id));
    }

    [Theory]
    [InlineData("{\"course\":\"A\",\"provider\":\"B\",\"hours\":\"6.5\",\"completedOn\":\"2027-06-01\"}", "hours", "number")]
    [InlineData("{\"course\":\"A\",\"provider\":\"B\",\"hours\":6.5,\"hours\":60,\"completedOn\":\"2027-06-01\"}", "hours", "more than once")]
    [InlineData("{\"course\":\"A\",\"provider\":\"B\",\"hours\":6.5,\"completedOn\":\"2027-02-30\"}", "completedOn", "date")]
    [InlineData("{\"course\":\"A\",\"provider\":\"B\",\"hours\":6.5,\"completedOn\":\"2027-06-01\",\"extra\":{\"nested\":1}}", "extra", "not part of this request")]
    public async Task Numbers_are_numbers_fields_come_once_and_each_refusal_names_its_field(string body, string field, string words)
    {
        var (id, applicant) = await DraftAsync();

        var errors = await ErrorsAsync(await applicant.PostAsync($"/api/v1/applications/{id}/training", Json(body)));

        Assert.Contains(words, errors.GetProperty(field)[0].GetString());
        Assert.Equal(0, await TrainingCountAsync(applicant, id));
    }

    [Fact]
    public async Task A_decision_without_an_outcome_is_refused_and_the_case_stays_open()
    {
        var state = TestData.State("TN", "Tennessee", "CPRS");
        var holder = TestData.Person("Quinn", "Holder");
        var credential = Credential.Issue(state.Programs[0], holder.Id, TestClock.StartDay.AddMonths(-3), Guid.NewGuid(), Now);
        await Fixture.InsertAsync(state, holder, credential);
        await Fixture.CreateUserAsync("reviewer.tn@test.example", Roles.Reviewer, state: "TN");
        var reviewer = await Fixture.ApiClientAsync("reviewer.tn@test.example");
        var opened = await reviewer.PostAsJsonAsync($"/api/v1/credentials/{credential.Id}/cases",
            new { notice = "A concern was raised.", responseDueOn = TestClock.StartDay.AddDays(10).ToString("yyyy-MM-dd") });
        var caseId = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseId").GetGuid();

        var errors = await ErrorsAsync(await reviewer.PostAsJsonAsync($"/api/v1/credentials/{credential.Id}/cases/{caseId}/decision", new { notes = "Looked into it." }));
        var byNumber = await ErrorsAsync(await reviewer.PostAsJsonAsync($"/api/v1/credentials/{credential.Id}/cases/{caseId}/decision", new { outcome = 0, notes = "Looked into it." }));

        Assert.Equal("This field is required.", errors.GetProperty("outcome")[0].GetString());
        Assert.True(byNumber.TryGetProperty("outcome", out _));
        var record = await reviewer.GetFromJsonAsync<JsonElement>($"/api/v1/credentials/{credential.Id}");
        var theCase = Assert.Single(record.GetProperty("cases").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, theCase.GetProperty("outcome").ValueKind);
    }

    [Theory]
    [InlineData("/review/applications/{0}/records/{1}", "{\"reason\":\"Certificate is illegible.\"}", "verified")]
    [InlineData("/applications/{0}/work", "{\"organisation\":\"Harbor House\",\"startOn\":\"2027-05-01\",\"endOn\":\"2027-06-01\",\"hours\":80}", "kind")]
    [InlineData("/applications/{0}/supervision", "{\"heldOn\":\"2027-06-01\",\"hours\":1,\"topics\":\"Boundaries\",\"supervisorName\":\"Pat\",\"supervisorCredential\":\"LCSW\",\"supervisorEmail\":\"pat@example.org\"}", "format")]
    [InlineData("/applications/{0}/continuing-education", "{\"course\":\"Ethics\",\"provider\":\"State\",\"hours\":2,\"completedOn\":\"2027-06-01\"}", "isEthics")]
    [InlineData("/applications/{0}/attestations", "{\"code\":\"lived-experience\"}", "agreed")]
    public async Task A_switch_or_choice_left_out_is_required_not_defaulted(string route, string body, string field)
    {
        var (id, applicant) = await DraftAsync();
        await Fixture.CreateUserAsync("reviewer.tn@test.example", Roles.Reviewer, state: "TN");
        var caller = route.StartsWith("/review", StringComparison.Ordinal) ? await Fixture.ApiClientAsync("reviewer.tn@test.example") : applicant;

        var errors = await ErrorsAsync(await caller.PostAsync("/api/v1" + string.Format(route, id, Guid.NewGuid()), Json(body)));

        Assert.Equal("This field is required.", errors.GetProperty(field)[0].GetString());
    }

    [Fact]
    public async Task Validation_errors_name_fields_in_camelCase_nested_and_indexed()
    {
        var state = TestData.State("TN", "Tennessee", "CPRS");
        await Fixture.InsertAsync(state);
        await Fixture.CreateUserAsync("admin.tn@test.example", Roles.StateAdmin, state: "TN");
        var admin = await Fixture.ApiClientAsync("admin.tn@test.example");
        var path = $"/api/v1/programs/{state.Programs[0].Id}/requirements";
        var requirements = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(
            (await admin.GetFromJsonAsync<JsonElement>(path)).GetProperty("requirements").GetRawText())!;
        requirements["trainingHoursTotal"] = JsonSerializer.SerializeToElement(-1);
        requirements["trainingDomains"] = JsonSerializer.SerializeToElement(new[] { new { code = "ETHICS", name = "Ethics", minimumHours = 4000 } });

        var errors = await ErrorsAsync(await admin.PutAsJsonAsync(path, requirements));
        requirements.Remove("renewalCycleMonths");
        var missing = await ErrorsAsync(await admin.PutAsJsonAsync(path, requirements));

        Assert.Equal(["requirements.trainingDomains[0].minimumHours", "requirements.trainingHoursTotal"], errors.EnumerateObject().Select(e => e.Name).Order());
        Assert.True(missing.TryGetProperty("renewalCycleMonths", out _));
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Registry.Application.Common.Security;
using Registry.Testing;

namespace Registry.Web.Tests;

/// <summary>Every API failure is an RFC 9457 problem details response with the right status.</summary>
public sealed class ApiTests(WebFixture fixture) : WebTest(fixture)
{
    private async Task<(Guid ProgramId, HttpClient Applicant)> ArrangeApplicantAsync(string email = "applicant@test.example")
    {
        var state = TestData.State("TN", "Tennessee", "CPRS", TestData.NoRequirements());
        var person = TestData.Person();
        await Fixture.InsertAsync(state, person);
        await Fixture.CreateUserAsync(email, Roles.Applicant, personId: person.Id);
        return (state.Programs[0].Id, await Fixture.ApiClientAsync(email));
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        return problem;
    }

    [Fact]
    public async Task An_applicant_with_a_token_starts_and_submits_an_application()
    {
        var (programId, applicant) = await ArrangeApplicantAsync();

        var created = await applicant.PostAsJsonAsync("/api/v1/applications", new { programId });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("applicationId").GetGuid();
        Assert.Equal($"/api/v1/applications/{id}", created.Headers.Location!.OriginalString);

        var submitted = await applicant.PostAsync($"/api/v1/applications/{id}/submit", null);
        Assert.Equal("Submitted", (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());

        var read = await applicant.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{id}");
        Assert.Equal(2, read.GetProperty("history").GetArrayLength());
    }

    [Fact]
    public async Task Without_a_token_the_API_answers_401()
    {
        var problem = await ProblemAsync(await Fixture.Client().GetAsync("/api/v1/applications"), HttpStatusCode.Unauthorized);
        Assert.True(problem.TryGetProperty("title", out _));
    }

    [Fact]
    public async Task A_cookie_alone_does_not_authenticate_the_API()
    {
        await Fixture.CreateUserAsync("cookie@test.example", Roles.Applicant, personId: Guid.NewGuid());
        var browser = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(browser, "cookie@test.example");

        await ProblemAsync(await browser.GetAsync("/api/v1/applications"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Missing_fields_are_reported_field_by_field()
    {
        var (_, applicant) = await ArrangeApplicantAsync();

        var problem = await ProblemAsync(await applicant.PostAsJsonAsync("/api/v1/applications", new { }), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("programId", out var messages));
        Assert.Equal("Choose the program you are applying for.", messages[0].GetString());
    }

    [Theory]
    [InlineData("{")]
    [InlineData("{\"programId\": \"not-a-guid\"}")]
    [InlineData("{\"programId\": 12}")]
    [InlineData("{\"programId\": \"3fa85f64-5717-4562-b3fc-2c963f66afa6\", \"type\": \"Sideways\"}")]
    [InlineData("[]")]
    public async Task Unreadable_JSON_is_a_400_problem_and_writes_nothing(string body)
    {
        var (_, applicant) = await ArrangeApplicantAsync();

        await ProblemAsync(await applicant.PostAsync("/api/v1/applications", new StringContent(body, Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);

        var mine = await applicant.GetFromJsonAsync<JsonElement>("/api/v1/applications");
        Assert.Equal(0, mine.GetArrayLength());
    }

    [Fact]
    public async Task Someone_elses_application_and_unknown_routes_are_404_problems()
    {
        var (programId, owner) = await ArrangeApplicantAsync();
        var created = await owner.PostAsJsonAsync("/api/v1/applications", new { programId });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("applicationId").GetGuid();
        await Fixture.CreateUserAsync("stranger@test.example", Roles.Applicant, personId: Guid.NewGuid());
        var stranger = await Fixture.ApiClientAsync("stranger@test.example");

        await ProblemAsync(await stranger.GetAsync($"/api/v1/applications/{id}"), HttpStatusCode.NotFound);
        await ProblemAsync(await stranger.GetAsync("/api/v1/no-such-thing"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Staff_cannot_apply_and_get_a_403_problem()
    {
        var (programId, _) = await ArrangeApplicantAsync();
        await Fixture.CreateUserAsync("reviewer@test.example", Roles.Reviewer, state: "TN");
        var reviewer = await Fixture.ApiClientAsync("reviewer@test.example");

        await ProblemAsync(await reviewer.PostAsJsonAsync("/api/v1/applications", new { programId }), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_second_open_application_is_a_409_problem()
    {
        var (programId, applicant) = await ArrangeApplicantAsync();
        await applicant.PostAsJsonAsync("/api/v1/applications", new { programId });

        await ProblemAsync(await applicant.PostAsJsonAsync("/api/v1/applications", new { programId }), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Repeated_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        await Fixture.CreateUserAsync("locked@test.example", Roles.Applicant, personId: Guid.NewGuid());
        var client = Fixture.Client();

        for (var attempt = 0; attempt < 3; attempt++)
            await ProblemAsync(await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "locked@test.example", password = "wrong-password-123" }), HttpStatusCode.Unauthorized);

        var problem = await ProblemAsync(await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "locked@test.example", password = WebFixture.Password }), HttpStatusCode.Unauthorized);
        Assert.Contains("locked", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_states_and_programs_are_public()
    {
        await Fixture.InsertAsync(TestData.State("PA", "Pennsylvania", "CPS"));

        var states = await Fixture.Client().GetFromJsonAsync<JsonElement>("/api/v1/jurisdictions");

        Assert.Equal("PA", states[0].GetProperty("code").GetString());
        Assert.Equal("CPS", states[0].GetProperty("programs")[0].GetProperty("code").GetString());
    }
}

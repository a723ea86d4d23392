using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;

namespace Registry.Web.Tests.Review;

/// <summary>
/// The other staff pages and endpoints (exam results, the audit log, the team), as every kind of user:
/// only staff of the right state (and, for the audit log and the team, only its StateAdmin) get through.
/// </summary>
public sealed class StaffToolsAuthorizationMatrixTests(WebFixture fixture) : WebTest(fixture)
{
    private static IEnumerable<(string Name, string Path)> Pages(Guid programId) =>
    [
        ("exams page", $"/Staff/Exams?programId={programId}"),
        ("audit page", "/Staff/Audit"),
        ("team page", "/Staff/Team"),
    ];

    private static IEnumerable<(string Name, Func<HttpClient, Task<HttpResponseMessage>> Send)> Api(Guid programId) =>
    [
        ("GET attempts", c => c.GetAsync($"/api/v1/exams/{programId}/attempts")),
        ("POST attempt", c => c.PostAsJsonAsync($"/api/v1/exams/{programId}/attempts", new { email = "nobody@test.example", takenOn = "2026-01-05", score = 80 })),
        ("GET audit", c => c.GetAsync("/api/v1/audit/TN")),
        ("GET audit actions", c => c.GetAsync("/api/v1/audit/TN/actions")),
    ];

    private async Task<Guid> ProgramIdAsync()
    {
        await ReviewWebScenario.UnderReviewAsync(Fixture);
        return await Records.RecordsWebScenario.QueryAsync(Fixture, db => db.Programs.Select(p => p.Id).SingleAsync());
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_and_the_api_answers_401()
    {
        var programId = await ProgramIdAsync();
        var client = Fixture.Client();
        foreach (var (name, path) in Pages(programId))
        {
            var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("/Account/Login"), name);
        }
        foreach (var (name, send) in Api(programId))
            Assert.True((await send(client)).StatusCode == HttpStatusCode.Unauthorized, name);
    }

    [Theory]
    [InlineData(ReviewWebScenario.Applicant)]
    [InlineData(ReviewWebScenario.Employer)]
    public async Task Applicants_and_employers_are_refused_everywhere(string email)
    {
        var programId = await ProgramIdAsync();
        var browser = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(browser, email);
        foreach (var (name, path) in Pages(programId))
        {
            var response = await browser.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("/Account/AccessDenied"), $"{email} {name}");
        }
        var api = await Fixture.ApiClientAsync(email);
        foreach (var (name, send) in Api(programId))
            Assert.True((await send(api)).StatusCode == HttpStatusCode.Forbidden, $"{email} {name}");
    }

    [Fact]
    public async Task Another_states_reviewer_is_refused_this_states_exams_and_every_admin_tool()
    {
        var programId = await ProgramIdAsync();
        var browser = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(browser, ReviewWebScenario.OtherStateReviewer);

        Assert.DoesNotContain("Tennessee", await browser.GetStringAsync($"/Staff/Exams?programId={programId}"));
        foreach (var path in new[] { "/Staff/Audit", "/Staff/Team" })
            Assert.Contains("/Account/AccessDenied", (await browser.GetAsync(path)).Headers.Location!.ToString());
        var api = await Fixture.ApiClientAsync(ReviewWebScenario.OtherStateReviewer);
        foreach (var (name, send) in Api(programId))
            Assert.True((await send(api)).StatusCode == HttpStatusCode.Forbidden, name);
    }

    [Fact]
    public async Task The_states_reviewer_uses_exams_and_its_state_admin_every_tool()
    {
        var programId = await ProgramIdAsync();
        var reviewer = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(reviewer, ReviewWebScenario.Reviewer);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync($"/Staff/Exams?programId={programId}")).StatusCode);
        Assert.Contains("/Account/AccessDenied", (await reviewer.GetAsync("/Staff/Audit")).Headers.Location!.ToString());
        var reviewerApi = await Fixture.ApiClientAsync(ReviewWebScenario.Reviewer);
        Assert.Equal(HttpStatusCode.OK, (await reviewerApi.GetAsync($"/api/v1/exams/{programId}/attempts")).StatusCode);

        var admin = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(admin, ReviewWebScenario.StateAdmin);
        foreach (var (name, path) in Pages(programId))
            Assert.True((await admin.GetAsync(path)).StatusCode == HttpStatusCode.OK, name);
        var adminApi = await Fixture.ApiClientAsync(ReviewWebScenario.StateAdmin);
        Assert.Equal(HttpStatusCode.OK, (await adminApi.GetAsync("/api/v1/audit/TN")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await adminApi.GetAsync("/api/v1/audit/TN/actions")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminApi.GetAsync("/api/v1/audit/OH/actions")).StatusCode);
    }
}

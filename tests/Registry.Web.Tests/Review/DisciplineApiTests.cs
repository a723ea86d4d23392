using System.Net;
using System.Net.Http.Json;
using Registry.Application.Common.Security;
using Registry.Domain.Credentials;
using Registry.Testing;

namespace Registry.Web.Tests.Review;

/// <summary>Credentials and discipline through the API and the staff page, for every kind of user.</summary>
public sealed class DisciplineApiTests(WebFixture fixture) : WebTest(fixture)
{
    private async Task<Guid> CredentialAsync()
    {
        var state = TestData.State("TN", "Tennessee", "CPRS");
        var holder = TestData.Person("Quinn", "Holder");
        var credential = Credential.Issue(state.Programs[0], holder.Id, TestClock.StartDay.AddMonths(-3), Guid.NewGuid(), Now);
        await Fixture.InsertAsync(state, holder, credential);
        await Fixture.CreateUserAsync("holder@test.example", Roles.Applicant, personId: holder.Id);
        await Fixture.CreateUserAsync("stranger@test.example", Roles.Applicant, personId: Guid.NewGuid());
        await Fixture.CreateUserAsync("reviewer.pa@test.example", Roles.Reviewer, state: "PA");
        await Fixture.CreateUserAsync("reviewer.tn@test.example", Roles.Reviewer, state: "TN");
        return credential.Id;
    }

    private static object Case() => new { notice = "A concern was raised.", responseDueOn = TestClock.StartDay.AddDays(10).ToString("yyyy-MM-dd") };

    [Fact]
    public async Task Only_the_holder_and_the_states_staff_reach_a_credential_and_only_staff_open_cases()
    {
        var id = await CredentialAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, (await Fixture.Client().GetAsync($"/api/v1/credentials/{id}")).StatusCode);
        var stranger = await Fixture.ApiClientAsync("stranger@test.example");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/credentials/{id}")).StatusCode);
        var otherState = await Fixture.ApiClientAsync("reviewer.pa@test.example");
        Assert.Equal(HttpStatusCode.NotFound, (await otherState.GetAsync($"/api/v1/credentials/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherState.PostAsJsonAsync($"/api/v1/credentials/{id}/cases", Case())).StatusCode);
        var holder = await Fixture.ApiClientAsync("holder@test.example");
        Assert.Equal(HttpStatusCode.OK, (await holder.GetAsync($"/api/v1/credentials/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await holder.PostAsJsonAsync($"/api/v1/credentials/{id}/cases", Case())).StatusCode);

        var reviewer = await Fixture.ApiClientAsync("reviewer.tn@test.example");
        var opened = await reviewer.PostAsJsonAsync($"/api/v1/credentials/{id}/cases", Case());
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var caseId = (await opened.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("caseId").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await holder.PostAsJsonAsync($"/api/v1/credentials/{id}/cases/{caseId}/response", new { response = "My side." })).StatusCode);
        var decided = await reviewer.PostAsJsonAsync($"/api/v1/credentials/{id}/cases/{caseId}/decision", new { outcome = "Suspension", notes = "Confirmed.", appealDays = 30 });
        Assert.Equal(HttpStatusCode.NoContent, decided.StatusCode);
        var bad = await reviewer.PostAsJsonAsync($"/api/v1/credentials/{id}/cases/{caseId}/decision", new { outcome = "Banished", notes = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await holder.PostAsync($"/api/v1/credentials/{id}/relinquish", null)).StatusCode);
    }

    [Fact]
    public async Task The_staff_credential_pages_are_for_staff_of_the_state()
    {
        var id = await CredentialAsync();
        var other = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(other, "reviewer.pa@test.example");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Staff/Credentials/{id}")).StatusCode);
        Assert.DoesNotContain("Quinn Holder", await other.GetStringAsync("/Staff/Credentials?Search=Holder"));

        var holder = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(holder, "holder@test.example");
        Assert.Contains("/Account/AccessDenied", (await holder.GetAsync($"/Staff/Credentials/{id}")).Headers.Location!.ToString());
        Assert.Contains("TN-CPRS-000001", await holder.GetStringAsync("/Credentials"));

        var reviewer = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(reviewer, "reviewer.tn@test.example");
        Assert.Contains("Quinn Holder", await reviewer.GetStringAsync("/Staff/Credentials?Search=Hol"));
        Assert.Contains("Open a case", await reviewer.GetStringAsync($"/Staff/Credentials/{id}"));
    }
}

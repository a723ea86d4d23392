using System.Net;
using Registry.Application.Common.Security;
using Registry.Domain.Credentials;
using Registry.Domain.Jurisdictions;
using Registry.Domain.People;
using Registry.Testing;

namespace Registry.Web.Tests.Workforce;

public sealed class UnmatchedCountiesPageTests(WebFixture fixture) : WebTest(fixture)
{
    [Fact]
    public async Task A_state_administrator_sees_their_peoples_unmatched_counties_and_a_reviewer_does_not()
    {
        var tennessee = TestData.State("TN", "Tennessee");
        var holder = TestData.Person("Lee", "Unmatched");
        holder.UpdateContact(null, null, new PostalAddress("1 Main St", null, "Nashville", "Davidsonn", StateCode.Parse("TN"), "37203"));
        await Fixture.InsertAsync(tennessee, holder, Credential.Issue(tennessee.Programs[0], holder.Id, new DateOnly(2024, 1, 15), Guid.NewGuid(), Now));
        await Fixture.CreateUserAsync("admin.tn@test.example", Roles.StateAdmin, state: "TN");
        await Fixture.CreateUserAsync("admin.pa@test.example", Roles.StateAdmin, state: "PA");
        await Fixture.CreateUserAsync("reviewer.tn@test.example", Roles.Reviewer, state: "TN");

        var admin = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(admin, "admin.tn@test.example");
        var other = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(other, "admin.pa@test.example");
        var reviewer = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(reviewer, "reviewer.tn@test.example");

        var html = await admin.GetStringAsync("/Staff/UnmatchedCounties");
        Assert.Contains("Lee Unmatched", html);
        Assert.Contains("Davidsonn", html);
        Assert.DoesNotContain("Lee Unmatched", await other.GetStringAsync("/Staff/UnmatchedCounties"));
        using var refused = await reviewer.GetAsync("/Staff/UnmatchedCounties");
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
    }
}

using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Application.Common.Security;
using Registry.Infrastructure.Identity;
using Registry.Infrastructure.Persistence;
using Registry.Testing;

namespace Registry.Web.Tests;

public sealed partial class StaffTeamTests(WebFixture fixture) : WebTest(fixture)
{
    private static FormUrlEncodedContent Form(string page, params (string, string)[] fields) =>
        new(fields.Append(("__RequestVerificationToken", WebFixture.AntiforgeryToken(page))).Select(f => KeyValuePair.Create(f.Item1, f.Item2)));

    private async Task<HttpClient> StateAdminAsync(string state = "TN")
    {
        await Fixture.CreateUserAsync($"admin.{state.ToLowerInvariant()}@test.example", Roles.StateAdmin, state: state);
        var browser = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(browser, $"admin.{state.ToLowerInvariant()}@test.example");
        return browser;
    }

    private async Task<T> QueryAsync<T>(Func<RegistryDbContext, Task<T>> query)
    {
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<RegistryDbContext>());
    }

    [Fact]
    public async Task An_invited_reviewer_chooses_a_password_through_the_emailed_link_and_signs_in()
    {
        var admin = await StateAdminAsync();
        var page = await admin.GetStringAsync("/Staff/Team");

        var invited = await admin.PostAsync("/Staff/Team?handler=Invite", Form(page, ("Input.DisplayName", "Lee Reviewer"), ("Input.Email", "lee@test.example")));
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);

        var user = await QueryAsync(db => db.Users.SingleAsync(u => u.Email == "lee@test.example"));
        Assert.Equal("TN", user.StateCode);
        var invitation = await QueryAsync(db => db.Notifications.SingleAsync(n => n.Template == "staff-invitation"));
        Assert.Contains("Choose your password", invitation.Rendered().Text);
        Assert.Equal("InviteReviewer", (await QueryAsync(db => db.AuditEntries.FirstAsync(a => a.EntityType == "RegistryUser" && a.Action == "InviteReviewer"))).Action);

        var link = new Uri(ResetLink().Match(invitation.Rendered().Text).Value);
        var reviewer = Fixture.Client();
        var resetPage = await reviewer.GetStringAsync(link.PathAndQuery);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(link.Query);
        await reviewer.PostAsync("/Account/ResetPassword", Form(resetPage,
            ("Input.Email", "lee@test.example"), ("Input.Code", query["code"]!), ("Input.Password", WebFixture.Password), ("Input.ConfirmPassword", WebFixture.Password)));
        var signedIn = await WebFixture.SignInThroughFormAsync(reviewer, "lee@test.example");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/", signedIn.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_disabled_reviewer_cannot_sign_in_and_only_the_own_states_reviewers_can_be_disabled()
    {
        var admin = await StateAdminAsync();
        var ours = await Fixture.CreateUserAsync("ours@test.example", Roles.Reviewer, state: "TN");
        var theirs = await Fixture.CreateUserAsync("theirs@test.example", Roles.Reviewer, state: "PA");
        var page = await admin.GetStringAsync("/Staff/Team");
        Assert.Contains("ours@test.example", page);
        Assert.DoesNotContain("theirs@test.example", page);

        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/Staff/Team?handler=Disable&id={theirs.Id}", Form(page))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/Staff/Team?handler=Disable&id={theirs.Id}", Form(page, ("confirmed", "true")))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync($"/Staff/Team?handler=Disable&id={ours.Id}", Form(page, ("confirmed", "true")))).StatusCode);

        var refused = await WebFixture.SignInThroughFormAsync(Fixture.Client(), "ours@test.example");
        Assert.Contains("locked", await refused.Content.ReadAsStringAsync());
        Assert.True(await QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "DisableReviewer" && a.StateCode == "TN")));
        var stillActive = await WebFixture.SignInThroughFormAsync(Fixture.Client(), "theirs@test.example");
        Assert.Equal(HttpStatusCode.Redirect, stillActive.StatusCode);
    }

    [Fact]
    public async Task Reviewers_cannot_manage_the_team()
    {
        await Fixture.CreateUserAsync("reviewer@test.example", Roles.Reviewer, state: "TN");
        var browser = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(browser, "reviewer@test.example");

        var response = await browser.GetAsync("/Staff/Team");

        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery);
    }

    [GeneratedRegex(@"https?://\S+/Account/ResetPassword\S+")]
    private static partial Regex ResetLink();
}

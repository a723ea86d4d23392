using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Application.Common.Interfaces;
using Registry.Domain.Applications;
using Registry.Web.Tests.Review;

namespace Registry.Web.Tests.Account;

/// <summary>
/// Disabling an account, resetting its password and signing out end every cookie and bearer token of that person at
/// their next request; tokens are short-lived and cookies end a fixed time after sign-in however active.
/// </summary>
public sealed class SessionEndTests(WebFixture fixture) : WebTest(fixture)
{
    private const string NewPassword = "Another-Long-Password-7";

    private static FormUrlEncodedContent Form(string page, params (string, string)[] fields) =>
        new(fields.Append(("__RequestVerificationToken", WebFixture.AntiforgeryToken(page))).Select(f => KeyValuePair.Create(f.Item1, f.Item2)));

    private async Task<HttpClient> BrowserAsync(string email, string password = WebFixture.Password)
    {
        var browser = Fixture.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await WebFixture.SignInThroughFormAsync(browser, email, password)).StatusCode);
        return browser;
    }

    /// <summary>True when the staff queue opens; false when the visitor is sent to sign in.</summary>
    private static async Task<bool> SignedInAsync(HttpClient browser)
    {
        var response = await browser.GetAsync("/Staff");
        if (response.StatusCode == HttpStatusCode.OK) return true;
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery);
        return false;
    }

    private static Task<HttpResponseMessage> ApproveAsync(HttpClient api, Guid id) =>
        api.PostAsJsonAsync($"/api/v1/review/applications/{id}/approve", new { note = "Fine." });

    private Task<ApplicationStatus> StatusAsync(Guid id) =>
        Fixture.QueryAsync(db => db.Applications.Where(a => a.Id == id).Select(a => a.Status).SingleAsync());

    [Fact]
    public async Task A_disabled_reviewers_bearer_token_and_cookie_can_no_longer_decide_an_application()
    {
        var ids = await ReviewWebScenario.UnderReviewAsync(Fixture, 2);
        var reviewerApi = await Fixture.ApiClientAsync(ReviewWebScenario.Reviewer);
        var reviewerBrowser = await BrowserAsync(ReviewWebScenario.Reviewer);
        Assert.Equal(HttpStatusCode.OK, (await ApproveAsync(reviewerApi, ids[0])).StatusCode);

        var admin = await BrowserAsync(ReviewWebScenario.StateAdmin);
        var team = await admin.GetStringAsync("/Staff/Team");
        var reviewerId = await Fixture.QueryAsync(db => db.Users.Where(u => u.Email == ReviewWebScenario.Reviewer).Select(u => u.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync($"/Staff/Team?handler=Disable&id={reviewerId}", Form(team, ("confirmed", "true")))).StatusCode);

        var refused = await ApproveAsync(reviewerApi, ids[1]);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.False(await SignedInAsync(reviewerBrowser));
        Assert.Equal(ApplicationStatus.UnderReview, await StatusAsync(ids[1]));
        Assert.True(await SignedInAsync(admin));
    }

    [Fact]
    public async Task A_token_and_a_cookie_made_before_a_password_reset_fail_right_after_it()
    {
        await ReviewWebScenario.UnderReviewAsync(Fixture);
        var token = await Fixture.ApiClientAsync(ReviewWebScenario.Reviewer);
        var browser = await BrowserAsync(ReviewWebScenario.Reviewer);
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/api/v1/review/TN/queue")).StatusCode);

        string code;
        await using (var scope = Fixture.Factory.Services.CreateAsyncScope())
        {
            var identity = scope.ServiceProvider.GetRequiredService<IIdentityService>();
            code = await identity.PasswordResetCodeAsync((await identity.FindByEmailAsync(ReviewWebScenario.Reviewer))!.Id);
        }
        var reset = await Fixture.Client().PostAsJsonAsync("/api/v1/account/reset-password", new { email = ReviewWebScenario.Reviewer, code, password = NewPassword });
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/v1/review/TN/queue")).StatusCode);
        Assert.False(await SignedInAsync(browser));
        var fresh = Fixture.Client();
        fresh.DefaultRequestHeaders.Authorization = new("Bearer", await Fixture.TokenAsync(ReviewWebScenario.Reviewer, NewPassword));
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/api/v1/review/TN/queue")).StatusCode);
    }

    [Fact]
    public async Task Signing_out_in_one_browser_ends_the_other_browsers_session_and_the_accounts_tokens()
    {
        await ReviewWebScenario.UnderReviewAsync(Fixture);
        var first = await BrowserAsync(ReviewWebScenario.Reviewer);
        var second = await BrowserAsync(ReviewWebScenario.Reviewer);
        var token = await Fixture.ApiClientAsync(ReviewWebScenario.Reviewer);
        var colleague = await BrowserAsync(ReviewWebScenario.StateAdmin);
        Assert.True(await SignedInAsync(second));

        var logout = await first.GetStringAsync("/Account/Logout");
        Assert.Equal(HttpStatusCode.Redirect, (await first.PostAsync("/Account/Logout", Form(logout))).StatusCode);

        Assert.False(await SignedInAsync(first));
        Assert.False(await SignedInAsync(second));
        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/v1/review/TN/queue")).StatusCode);
        Assert.True(await Fixture.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "SignOut" && a.EntityType == "RegistryUser")));
        Assert.True(await SignedInAsync(colleague));
        Assert.True(await SignedInAsync(await BrowserAsync(ReviewWebScenario.Reviewer)));
    }

    [Fact]
    public async Task A_cookie_ends_twelve_hours_after_sign_in_even_when_used_all_along()
    {
        await ReviewWebScenario.UnderReviewAsync(Fixture);
        var browser = await BrowserAsync(ReviewWebScenario.Reviewer);

        // Every two hours, well within the sliding eight: the cookie is renewed each time and lives on.
        for (var hours = 2; hours <= 10; hours += 2)
        {
            Fixture.Factory.Clock.Advance(TimeSpan.FromHours(2));
            Assert.True(await SignedInAsync(browser), $"{hours} hours after sign-in");
        }
        Fixture.Factory.Clock.Advance(TimeSpan.FromHours(2) - TimeSpan.FromMinutes(1));
        Assert.True(await SignedInAsync(browser), "a minute before twelve hours");

        Fixture.Factory.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.False(await SignedInAsync(browser));
    }

    [Fact]
    public async Task A_bearer_token_lives_fifteen_minutes_and_says_so()
    {
        await ReviewWebScenario.UnderReviewAsync(Fixture);
        var issued = await Fixture.Client().PostAsJsonAsync("/api/v1/auth/token", new { email = ReviewWebScenario.Reviewer, password = WebFixture.Password });
        var body = JsonDocument.Parse(await issued.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(15 * 60, body.GetProperty("expiresIn").GetInt64());
        var api = Fixture.Client();
        api.DefaultRequestHeaders.Authorization = new("Bearer", body.GetProperty("accessToken").GetString());

        Fixture.Factory.Clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/review/TN/queue")).StatusCode);
        Fixture.Factory.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/review/TN/queue")).StatusCode);
    }
}

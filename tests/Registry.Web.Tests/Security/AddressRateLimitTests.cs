using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Security;
using Registry.Testing;
using Registry.Web.Tests.Account;
using Registry.Web.Tests.Records;

namespace Registry.Web.Tests.Security;

/// <summary>
/// Anti-automation per caller address: each limit counts the form posts and API calls of one kind together, refuses
/// past its quota with 429 (the status page to a browser, problem details to the API) and leaves reading a form free.
/// Each test has its own host with one low limit, on the collection's database.
/// </summary>
public sealed class AddressRateLimitTests(WebFixture fixture) : WebTest(fixture)
{
    private const string WrongPassword = "Not-The-Password-2027";

    private RegistryFactory Host(string limit, int permits = 2) => new(Fixture.Factory.Database, settings: new Dictionary<string, string?>
    {
        [$"RateLimiting:{limit}:PermitLimit"] = permits.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"RateLimiting:{limit}:WindowSeconds"] = "600",
    });

    private static async Task AssertRefusedPageAsync(HttpResponseMessage refused, string words)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(600), refused.Headers.RetryAfter?.Delta);
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Please wait a moment</h1>", html);
        Assert.Contains(words, html);
        Assert.Contains("Please try again in 10 minutes.", html);
    }

    private static async Task AssertRefusedProblemAsync(HttpResponseMessage refused, string words)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(refused.Headers.RetryAfter);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(words, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Sign_in_through_the_form_and_the_token_endpoint_share_one_limit_per_address()
    {
        await using var host = Host("SignIn");
        var site = new WebFixture(host);
        await site.CreateUserAsync("peer@test.example", Roles.Applicant, personId: Guid.NewGuid());
        var browser = site.Client();

        var first = await WebFixture.SignInThroughFormAsync(browser, "peer@test.example", WrongPassword);
        var second = await site.Client().PostAsJsonAsync("/api/v1/auth/token", new { email = "peer@test.example", password = WrongPassword });
        var third = await WebFixture.SignInThroughFormAsync(browser, "peer@test.example"); // the right password, but too many tries
        var token = await site.Client().PostAsJsonAsync("/api/v1/auth/token", new { email = "peer@test.example", password = WebFixture.Password });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
        await AssertRefusedPageAsync(third, "each address can try to sign in only a limited number of times");
        Assert.Equal("\"sign-in\";q=2;w=600", third.Headers.GetValues("RateLimit-Policy").Single());
        await AssertRefusedProblemAsync(token, "Sign-in is limited per address");
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Account/Login")).StatusCode); // reading the form is free
    }

    [Fact]
    public async Task Applicant_and_employer_registration_share_one_limit_per_address_and_a_refused_one_writes_nothing()
    {
        await using var host = Host("Registration");
        var site = new WebFixture(host);

        var page = await AccountSteps.RegisterThroughPageAsync(site.Client(), "one@test.example");
        var api = await AccountSteps.RegisterThroughApiAsync(site.Client(), "two@test.example");
        var before = await site.CountsAsync();
        var thirdApi = await AccountSteps.RegisterThroughApiAsync(site.Client(), "three@test.example");
        var employer = await AccountSteps.PostFormAsync(site.Client(), "/Employers/Register", new()
        {
            ["Input.OrganisationName"] = "Riverbend Recovery", ["Input.StateCode"] = "TN", ["Input.ContactName"] = "Jo Manager",
            ["Input.Email"] = "jo@riverbend.example", ["Input.Password"] = WebFixture.Password, ["Input.ConfirmPassword"] = WebFixture.Password,
        });

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        await AssertRefusedProblemAsync(thirdApi, "Registration is limited per address");
        await AssertRefusedPageAsync(employer, "each address can register only a limited number of accounts");
        Assert.Equal(before, await site.CountsAsync());
        Assert.Equal(2, before.Users);
    }

    [Fact]
    public async Task Forgot_password_and_resend_confirmation_share_one_limit_per_address()
    {
        await using var host = Host("AccountMail");
        var site = new WebFixture(host);
        await site.CreateUserAsync("peer@test.example", Roles.Applicant, personId: Guid.NewGuid());

        var page = await AccountSteps.PostFormAsync(site.Client(), "/Account/ForgotPassword", new() { ["Input.Email"] = "peer@test.example" });
        var resend = await site.Client().PostAsJsonAsync("/api/v1/account/resend-confirmation", new { email = "peer@test.example" });
        var thirdApi = await site.Client().PostAsJsonAsync("/api/v1/account/forgot-password", new { email = "peer@test.example" });
        var thirdPage = await AccountSteps.PostFormAsync(site.Client(), "/Account/ResendConfirmation", new() { ["Input.Email"] = "peer@test.example" });

        Assert.True(page.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"The form answered {page.StatusCode}.");
        Assert.Equal(HttpStatusCode.OK, resend.StatusCode);
        await AssertRefusedProblemAsync(thirdApi, "Password reset and confirmation e-mails are limited per address");
        await AssertRefusedPageAsync(thirdPage, "ask for only a limited number of password reset and confirmation e-mails");
        Assert.True((await site.OutboxAsync("peer@test.example")).Count <= 2);
    }

    [Fact]
    public async Task Confirmation_requests_are_limited_per_address_while_adding_records_is_not()
    {
        await using var host = Host("ConfirmationRequests", permits: 1);
        var site = new WebFixture(host);
        var id = await RecordsWebScenario.DraftAsync(site);
        var applicant = await site.ApiClientAsync("applicant@test.example");
        foreach (var (supervisor, day) in new[] { ("dana@example.org", -3), ("sol@example.org", -2) })
            Assert.Equal(HttpStatusCode.Created, (await applicant.PostAsJsonAsync($"/api/v1/applications/{id}/supervision", new
            {
                heldOn = RecordsWebScenario.Today(day), hours = 1.5m, format = "Individual", topics = "Boundaries",
                supervisorName = "Supervisor", supervisorCredential = "LCSW", supervisorEmail = supervisor,
            })).StatusCode);

        var first = await applicant.PostAsJsonAsync($"/api/v1/applications/{id}/supervision/confirmation-requests", new { supervisorEmail = "dana@example.org" });
        var second = await applicant.PostAsJsonAsync($"/api/v1/applications/{id}/supervision/confirmation-requests", new { supervisorEmail = "sol@example.org" });
        var browser = site.Client();
        await WebFixture.SignInThroughFormAsync(browser, "applicant@test.example");
        var form = await browser.GetStringAsync($"/Applications/{id}/Supervision");
        var onThePage = await browser.PostAsync($"/Applications/{id}/Supervision?handler=RequestConfirmation", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebFixture.AntiforgeryToken(form), ["supervisorEmail"] = "sol@example.org",
        }));
        var added = await browser.PostAsync($"/Applications/{id}/Supervision?handler=Add", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebFixture.AntiforgeryToken(form), ["Input.HeldOn"] = RecordsWebScenario.Today(-1), ["Input.Hours"] = "1",
            ["Input.Format"] = "Group", ["Input.Topics"] = "Relapse", ["Input.SupervisorName"] = "Sol", ["Input.SupervisorCredential"] = "LCSW", ["Input.SupervisorEmail"] = "sol@example.org",
        }));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await AssertRefusedProblemAsync(second, "Confirmation requests are limited per address");
        await AssertRefusedPageAsync(onThePage, "only a limited number of confirmation requests can be sent at a time");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(1, await site.QueryAsync(db => db.ConfirmationRequests.CountAsync()));
    }
}

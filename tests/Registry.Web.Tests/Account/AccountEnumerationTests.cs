using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Registry.Application.Common.Security;
using Registry.Testing;

namespace Registry.Web.Tests.Account;

/// <summary>
/// Issue #16 item 5: register, sign-in (page and token), lockout, forgot-password and resend-confirmation answer an
/// address with an account exactly as one without. The work done is compared in <see cref="AccountWorkTests"/>.
/// </summary>
public sealed partial class AccountEnumerationTests(WebFixture fixture) : WebTest(fixture)
{
    private const string Unknown = "nobody@test.example";

    /// <summary>
    /// What a caller sees, status, address and body, following a redirect to the page that shows the message kept for
    /// it; what differs by request alone (the address typed, anti-forgery tokens, trace ids) is blanked.
    /// </summary>
    private static async Task<string> AnswerAsync(HttpClient client, HttpResponseMessage response, string email)
    {
        var answer = $"{(int)response.StatusCode} {response.Headers.Location}\n{await response.Content.ReadAsStringAsync()}";
        if (response.Headers.Location is { } next) answer += "\n" + await client.GetStringAsync(next);
        answer = answer.Replace(Uri.EscapeDataString(email), "EMAIL").Replace(email, "EMAIL", StringComparison.OrdinalIgnoreCase);
        return PerRequest().Replace(answer, "…");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]+\"|\"traceId\":\"[^\"]+\"")]
    private static partial Regex PerRequest();

    private async Task AssertSameAnswerAsync(string known, Func<HttpClient, string, Task<HttpResponseMessage>> ask)
    {
        var knownClient = Fixture.Client();
        var knownAnswer = await AnswerAsync(knownClient, await ask(knownClient, known), known);
        var unknownClient = Fixture.Client();
        var unknownAnswer = await AnswerAsync(unknownClient, await ask(unknownClient, Unknown), Unknown);

        Assert.Equal(unknownAnswer, knownAnswer);
    }

    private static Task<HttpResponseMessage> SignInPageAsync(HttpClient client, string email, string password) => WebFixture.SignInThroughFormAsync(client, email, password);

    private static Task<HttpResponseMessage> TokenAsync(HttpClient client, string email, string password) =>
        client.PostAsJsonAsync("/api/v1/auth/token", new { email, password });

    [Fact]
    public async Task A_wrong_password_gets_the_answer_an_unknown_address_gets_on_the_page_and_the_API()
    {
        await Fixture.CreateUserAsync("peer@test.example", Roles.Applicant, personId: Guid.NewGuid());

        await AssertSameAnswerAsync("peer@test.example", (client, email) => SignInPageAsync(client, email, "Not-The-Password-1"));
        await AssertSameAnswerAsync("peer@test.example", (client, email) => TokenAsync(client, email, "Not-The-Password-1"));
    }

    [Fact]
    public async Task A_locked_account_even_with_its_password_gets_the_answer_an_unknown_address_gets()
    {
        await Fixture.CreateUserAsync("peer@test.example", Roles.Applicant, personId: Guid.NewGuid());
        for (var attempt = 0; attempt < 3; attempt++) await TokenAsync(Fixture.Client(), "peer@test.example", "Not-The-Password-1");

        await AssertSameAnswerAsync("peer@test.example", (client, email) => SignInPageAsync(client, email, WebFixture.Password));
        await AssertSameAnswerAsync("peer@test.example", (client, email) => TokenAsync(client, email, WebFixture.Password));
    }

    [Fact]
    public async Task An_unconfirmed_account_with_its_password_gets_the_answer_an_unknown_address_gets()
    {
        // Else registering an address and signing in with the password chosen would tell whether it was free.
        await AccountSteps.RegisterThroughApiAsync(Fixture.Client(), "dana@test.example");

        await AssertSameAnswerAsync("dana@test.example", (client, email) => SignInPageAsync(client, email, WebFixture.Password));
        await AssertSameAnswerAsync("dana@test.example", (client, email) => TokenAsync(client, email, WebFixture.Password));
    }

    [Fact]
    public async Task Registering_a_taken_address_gets_the_answer_a_free_one_gets_on_the_pages_and_the_API()
    {
        await Fixture.InsertAsync(TestData.State("TN", "Tennessee", "CPRS"));
        await Fixture.CreateUserAsync("peer@test.example", Roles.Applicant, personId: Guid.NewGuid());
        var free = 0;

        // Each free address is new, so that it is free for every registration.
        async Task SameAsync(Func<HttpClient, string, Task<HttpResponseMessage>> register)
        {
            var freeAddress = $"free{++free}@test.example";
            var takenClient = Fixture.Client();
            var taken = await AnswerAsync(takenClient, await register(takenClient, "peer@test.example"), "peer@test.example");
            var freeClient = Fixture.Client();
            Assert.Equal(await AnswerAsync(freeClient, await register(freeClient, freeAddress), freeAddress), taken);
        }

        await SameAsync((client, email) => AccountSteps.RegisterThroughPageAsync(client, email));
        await SameAsync((client, email) => AccountSteps.RegisterThroughApiAsync(client, email));
        await SameAsync((client, email) => AccountSteps.PostFormAsync(client, "/Employers/Register", new()
        {
            ["Input.OrganisationName"] = "Harbor Clinic", ["Input.StateCode"] = "TN", ["Input.ContactName"] = "Robin Hale", ["Input.Email"] = email,
            ["Input.Password"] = WebFixture.Password, ["Input.ConfirmPassword"] = WebFixture.Password,
        }));
        Assert.Equal(3, (await Fixture.OutboxAsync("peer@test.example")).Count(n => n.Template == "already-registered"));
    }

    [Fact]
    public async Task Forgot_password_and_resend_confirmation_answer_alike_on_the_pages_and_the_API()
    {
        await AccountSteps.RegisterThroughApiAsync(Fixture.Client(), "dana@test.example"); // unconfirmed, so a resend mails it

        await AssertSameAnswerAsync("dana@test.example", (client, email) => AccountSteps.PostFormAsync(client, "/Account/ForgotPassword", new() { ["Input.Email"] = email }));
        await AssertSameAnswerAsync("dana@test.example", (client, email) => client.PostAsJsonAsync("/api/v1/account/forgot-password", new { email }));
        await AssertSameAnswerAsync("dana@test.example", (client, email) => AccountSteps.PostFormAsync(client, "/Account/ResendConfirmation", new() { ["Input.Email"] = email }));
        await AssertSameAnswerAsync("dana@test.example", (client, email) => client.PostAsJsonAsync("/api/v1/account/resend-confirmation", new { email }));
        Assert.Equal(["confirm-email", "confirm-email", "confirm-email", "reset-password", "reset-password"],
            (await Fixture.OutboxAsync("dana@test.example")).Select(n => n.Template).Order());
        Assert.Empty(await Fixture.OutboxAsync(Unknown));
    }

    [Fact]
    public async Task A_refused_sign_in_says_one_thing_for_every_reason_and_offers_a_new_confirmation_link()
    {
        var html = await (await SignInPageAsync(Fixture.Client(), Unknown, "Not-The-Password-1")).Content.ReadAsStringAsync();

        Assert.Contains("The e-mail address or password is not right.", html);
        Assert.Contains("locked for a while", html);
        Assert.Contains("/Account/ResendConfirmation?email=nobody", html);
        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(Fixture.Client(), Unknown, "Not-The-Password-1")).StatusCode);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Infrastructure.Identity;
using Registry.Infrastructure.Persistence;
using MediatR;
using Microsoft.AspNetCore.TestHost;
using Registry.Application.Features.Accounts;
using Registry.Testing;

namespace Registry.Web.Tests.Account;

public sealed class RegistrationTests(WebFixture fixture) : WebTest(fixture)
{
    private async Task AssertRegisteredAsync(string email)
    {
        var (user, person, roles) = await Fixture.QueryAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            var person = await db.People.SingleAsync(p => p.Id == user.PersonId);
            var roles = await db.UserRoles.Where(r => r.UserId == user.Id).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync();
            return (user, person, roles);
        });
        Assert.False(user.EmailConfirmed);
        Assert.Equal(("Dana", "Okafor", email), (person.LegalFirstName, person.LegalLastName, person.Email));
        Assert.Equal([Roles.Applicant], roles);
        var confirmation = Assert.Single(await Fixture.OutboxAsync(email));
        Assert.Equal("confirm-email", confirmation.Template);
        Assert.Equal(person.Id, confirmation.PersonId);
        Assert.Contains($"/Account/ConfirmEmail?userId={user.Id}&code=", confirmation.Rendered().Text);
    }

    [Fact]
    public async Task Registering_through_the_page_creates_the_account_the_person_and_the_confirmation_email()
    {
        var response = await AccountSteps.RegisterThroughPageAsync(Fixture.Client(), "dana@test.example");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login", response.Headers.Location!.OriginalString);
        await AssertRegisteredAsync("dana@test.example");
    }

    [Fact]
    public async Task Registering_through_the_API_creates_the_account_the_person_and_the_confirmation_email()
    {
        var response = await AccountSteps.RegisterThroughApiAsync(Fixture.Client(), "dana@test.example");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await AssertRegisteredAsync("dana@test.example");
    }

    [Fact]
    public async Task Signing_in_waits_for_the_confirmation_link_then_works()
    {
        await AccountSteps.RegisterThroughApiAsync(Fixture.Client(), "dana@test.example");

        // The refusal is the one every refused sign-in gets (AccountEnumerationTests), with the way to a new link.
        var page = await WebFixture.SignInThroughFormAsync(Fixture.Client(), "dana@test.example");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("open the link we e-mailed you to confirm your address first", html);
        Assert.Contains("/Account/ResendConfirmation?email=dana", html);

        var token = await Fixture.Client().PostAsJsonAsync("/api/v1/auth/token", new { email = "dana@test.example", password = WebFixture.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, token.StatusCode);
        Assert.Contains("open the link we e-mailed you to confirm your address first", (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        await Fixture.ConfirmAsync("dana@test.example");

        var browser = Fixture.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await WebFixture.SignInThroughFormAsync(browser, "dana@test.example")).StatusCode);
        Assert.Contains("Your profile", await browser.GetStringAsync("/"));
        Assert.NotEmpty(await Fixture.TokenAsync("dana@test.example"));
    }

    [Fact]
    public async Task A_resent_confirmation_link_works_and_the_answer_does_not_reveal_accounts()
    {
        await AccountSteps.RegisterThroughApiAsync(Fixture.Client(), "dana@test.example");

        var known = await AccountSteps.PostFormAsync(Fixture.Client(), "/Account/ResendConfirmation", new() { ["Input.Email"] = "dana@test.example" });
        var unknown = await AccountSteps.PostFormAsync(Fixture.Client(), "/Account/ResendConfirmation", new() { ["Input.Email"] = "nobody@test.example" });

        Assert.Equal(known.Headers.Location, unknown.Headers.Location);
        Assert.Equal(2, (await Fixture.OutboxAsync("dana@test.example")).Count);
        Assert.Empty(await Fixture.OutboxAsync("nobody@test.example"));
        await Fixture.ConfirmAsync("dana@test.example");
    }

    [Fact]
    public async Task Confirming_through_the_API_and_a_broken_code_is_a_field_error()
    {
        await AccountSteps.RegisterThroughApiAsync(Fixture.Client(), "dana@test.example");
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://x" + await Fixture.LinkFromLatestAsync("dana@test.example", "confirm-email")).Query);

        var broken = await Fixture.Client().PostAsJsonAsync("/api/v1/account/confirm-email", new { userId = query["userId"].ToString(), code = "AAAA" });
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.True((await broken.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("code", out _));

        var confirmed = await Fixture.Client().PostAsJsonAsync("/api/v1/account/confirm-email", new { userId = query["userId"].ToString(), code = query["code"].ToString() });
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.NotEmpty(await Fixture.TokenAsync("dana@test.example"));
    }

    [Fact]
    public async Task Registering_an_existing_email_creates_nothing_and_mails_its_holder_instead()
    {
        await Fixture.CreateUserAsync("taken@test.example", Roles.Applicant, personId: null);
        var before = await Fixture.CountsAsync();

        var page = await AccountSteps.RegisterThroughPageAsync(Fixture.Client(), "taken@test.example");
        var api = await AccountSteps.RegisterThroughApiAsync(Fixture.Client(), "TAKEN@test.example");

        Assert.Equal("/Account/Login", page.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Equal(RegisterAccount.Answer, (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString());
        Assert.Equal((before.Users, before.People), ((await Fixture.CountsAsync()).Users, (await Fixture.CountsAsync()).People));
        Assert.Equal(["already-registered", "already-registered"], (await Fixture.OutboxAsync("taken@test.example")).Select(n => n.Template));
    }

    [Fact]
    public async Task A_short_password_gets_field_errors_and_writes_nothing()
    {
        var page = await AccountSteps.RegisterThroughPageAsync(Fixture.Client(), "dana@test.example", "short", "short");
        var api = await AccountSteps.RegisterThroughApiAsync(Fixture.Client(), "dana@test.example", "short");

        Assert.Contains("Passwords must be at least 12 characters.", await page.Content.ReadAsStringAsync());
        var errors = (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Equal(["Passwords must be at least 12 characters."], errors.GetProperty("password").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal((0, 0, 0), await Fixture.CountsAsync());
    }

    [Fact]
    public async Task Mismatched_passwords_and_missing_names_are_field_errors_on_the_page()
    {
        var response = await AccountSteps.PostFormAsync(Fixture.Client(), "/Account/Register", new()
        {
            ["Input.Email"] = "dana@test.example", ["Input.Password"] = WebFixture.Password, ["Input.ConfirmPassword"] = "Something-Else-123",
        });

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Enter your legal first name.", html);
        Assert.Contains("The two passwords are not the same.", html);
        Assert.Contains("usa-form-group--error", html);
        Assert.Equal((0, 0, 0), await Fixture.CountsAsync());
    }

    [Fact]
    public async Task A_failure_after_the_account_is_saved_leaves_nothing_behind()
    {
        // The link is built for the confirmation e-mail, after Identity has saved the user and the person.
        await using var broken = Fixture.Factory.WithWebHostBuilder(host => host.ConfigureTestServices(services => services.AddScoped<IAccountLinks, BrokenLinks>()));
        await using (var scope = broken.Services.CreateAsyncScope())
        {
            var register = new RegisterAccount.Command { LegalFirstName = "Dana", LegalLastName = "Okafor", Email = "dana@test.example", Password = WebFixture.Password };

            await Assert.ThrowsAsync<InvalidOperationException>(() => scope.ServiceProvider.GetRequiredService<IMediator>().Send(register));
        }

        Assert.Equal((0, 0, 0), await Fixture.CountsAsync());
    }

    private sealed class BrokenLinks : IAccountLinks
    {
        public string ConfirmEmail(Guid userId, string code) => throw new InvalidOperationException("The link builder broke.");

        public string ResetPassword(string email, string code) => throw new InvalidOperationException("The link builder broke.");

        public string ClaimRecord(string token) => throw new InvalidOperationException("The link builder broke.");
    }
}

using System.Net;
using Registry.Application.Common.Security;

namespace Registry.Web.Tests;

public sealed class LoginPageTests(WebFixture fixture) : WebTest(fixture)
{
    [Fact]
    public async Task Signing_in_sets_a_protected_cookie_and_the_layout_greets_the_user()
    {
        await Fixture.CreateUserAsync("peer@test.example", Roles.Applicant, personId: Guid.NewGuid());
        var client = Fixture.Client();

        var response = await WebFixture.SignInThroughFormAsync(client, "peer@test.example");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Identity.Application="));
        Assert.Contains("httponly", cookie);
        Assert.Contains("samesite=lax", cookie);
        Assert.Contains("Signed in as peer@test.example", await client.GetStringAsync("/"));
    }

    [Fact]
    public async Task A_wrong_password_is_explained_without_saying_which_part_was_wrong()
    {
        await Fixture.CreateUserAsync("peer@test.example", Roles.Applicant, personId: Guid.NewGuid());
        var client = Fixture.Client();

        var response = await WebFixture.SignInThroughFormAsync(client, "peer@test.example", "not-the-password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The e-mail address or password is not right.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Empty_fields_get_field_errors()
    {
        var client = Fixture.Client();
        var form = await client.GetStringAsync("/Account/Login");

        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebFixture.AntiforgeryToken(form),
        }));

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Enter your e-mail address.", html);
        Assert.Contains("Enter your password.", html);
    }

    [Fact]
    public async Task A_post_without_the_anti_forgery_token_is_refused()
    {
        var response = await Fixture.Client().PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "peer@test.example",
            ["Input.Password"] = WebFixture.Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_return_address_off_the_site_is_ignored()
    {
        await Fixture.CreateUserAsync("peer@test.example", Roles.Applicant, personId: Guid.NewGuid());
        var client = Fixture.Client();
        var form = await client.GetStringAsync("/Account/Login");

        var response = await client.PostAsync("/Account/Login?ReturnUrl=https%3A%2F%2Fevil.example%2F", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebFixture.AntiforgeryToken(form),
            ["Input.Email"] = "peer@test.example",
            ["Input.Password"] = WebFixture.Password,
        }));

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }
}

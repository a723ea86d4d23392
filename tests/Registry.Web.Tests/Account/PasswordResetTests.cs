using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Registry.Application.Common.Security;
using Registry.Testing;

namespace Registry.Web.Tests.Account;

public sealed class PasswordResetTests(WebFixture fixture) : WebTest(fixture)
{
    [Fact]
    public async Task Forgot_password_answers_the_same_for_an_unknown_email_and_writes_no_email()
    {
        await Fixture.CreateUserAsync("peer@test.example", Roles.Applicant, personId: Guid.NewGuid());

        var known = await AccountSteps.PostFormAsync(Fixture.Client(), "/Account/ForgotPassword", new() { ["Input.Email"] = "peer@test.example" });
        var unknown = await AccountSteps.PostFormAsync(Fixture.Client(), "/Account/ForgotPassword", new() { ["Input.Email"] = "nobody@test.example" });
        var knownApi = await Fixture.Client().PostAsJsonAsync("/api/v1/account/forgot-password", new { email = "peer@test.example" });
        var unknownApi = await Fixture.Client().PostAsJsonAsync("/api/v1/account/forgot-password", new { email = "nobody@test.example" });

        Assert.Equal((known.StatusCode, known.Headers.Location), (unknown.StatusCode, unknown.Headers.Location));
        Assert.Equal(HttpStatusCode.OK, unknownApi.StatusCode);
        Assert.Equal(await knownApi.Content.ReadAsStringAsync(), await unknownApi.Content.ReadAsStringAsync());
        Assert.Equal(2, (await Fixture.OutboxAsync("peer@test.example")).Count);
        Assert.Equal(2, (await Fixture.CountsAsync()).Notifications);
    }

    [Fact]
    public async Task The_reset_link_sets_a_new_password_and_the_old_one_stops_working()
    {
        await Fixture.CreateUserAsync("peer@test.example", Roles.Applicant, personId: Guid.NewGuid());
        await AccountSteps.PostFormAsync(Fixture.Client(), "/Account/ForgotPassword", new() { ["Input.Email"] = "peer@test.example" });
        var link = await Fixture.LinkFromLatestAsync("peer@test.example", "reset-password");
        var code = QueryHelpers.ParseQuery(new Uri("http://x" + link).Query)["code"].ToString();

        var client = Fixture.Client();
        var form = await client.GetStringAsync(link);
        Assert.Contains("value=\"peer@test.example\"", form);
        var reset = await client.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebFixture.AntiforgeryToken(form),
            ["Input.Email"] = "peer@test.example",
            ["Input.Code"] = code,
            ["Input.Password"] = AccountSteps.NewPassword,
            ["Input.ConfirmPassword"] = AccountSteps.NewPassword,
        }));

        Assert.Equal("/Account/Login", reset.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Fixture.Client().PostAsJsonAsync("/api/v1/auth/token", new { email = "peer@test.example", password = WebFixture.Password })).StatusCode);
        Assert.NotEmpty(await Fixture.TokenAsync("peer@test.example", AccountSteps.NewPassword));
    }

    [Fact]
    public async Task Resetting_through_the_API_works_once_and_a_weak_password_is_a_field_error()
    {
        await Fixture.CreateUserAsync("peer@test.example", Roles.Applicant, personId: Guid.NewGuid());
        await Fixture.Client().PostAsJsonAsync("/api/v1/account/forgot-password", new { email = "peer@test.example" });
        var code = QueryHelpers.ParseQuery(new Uri("http://x" + await Fixture.LinkFromLatestAsync("peer@test.example", "reset-password")).Query)["code"].ToString();

        var weak = await Fixture.Client().PostAsJsonAsync("/api/v1/account/reset-password", new { email = "peer@test.example", code, password = "weak" });
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.True((await weak.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("password", out _));

        var reset = await Fixture.Client().PostAsJsonAsync("/api/v1/account/reset-password", new { email = "peer@test.example", code, password = AccountSteps.NewPassword });
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.NotEmpty(await Fixture.TokenAsync("peer@test.example", AccountSteps.NewPassword));

        // The password change renews the security stamp, so the same link cannot be used again.
        var again = await Fixture.Client().PostAsJsonAsync("/api/v1/account/reset-password", new { email = "peer@test.example", code, password = "Another-Password-77" });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Registry.Application.Common.Security;
using Registry.Infrastructure.Identity;

namespace Registry.Web.Tests.Account;

/// <summary>Issue #16 item 9 (ASVS 2.1): at least 12 characters, no composition rules, and no common or breached password.</summary>
public sealed class PasswordPolicyTests(WebFixture fixture) : WebTest(fixture)
{
    private const string TooCommon = "This password is too common or has appeared in a data breach; choose another.";

    private static async Task<string[]> PasswordErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("password").EnumerateArray().Select(e => e.GetString()!).ToArray();
    }

    [Theory]
    [InlineData("password1234")]
    [InlineData("qwertyuiopas")]
    [InlineData("Qwertyuiopas")] // the list is compared without regard to case
    public async Task A_common_password_is_refused_on_registering_through_the_page_and_the_API(string password)
    {
        var page = await AccountSteps.RegisterThroughPageAsync(Fixture.Client(), "dana@test.example", password, password);
        var api = await AccountSteps.RegisterThroughApiAsync(Fixture.Client(), "dana@test.example", password);

        Assert.Contains(TooCommon, await page.Content.ReadAsStringAsync());
        Assert.Equal([TooCommon], await PasswordErrorsAsync(api));
        Assert.Equal((0, 0, 0), await Fixture.CountsAsync());
    }

    [Fact]
    public async Task A_common_password_is_refused_on_reset_and_on_change()
    {
        var user = await Fixture.CreateUserAsync("peer@test.example", Roles.Applicant, personId: Guid.NewGuid());
        await Fixture.Client().PostAsJsonAsync("/api/v1/account/forgot-password", new { email = "peer@test.example" });
        var code = QueryHelpers.ParseQuery(new Uri("http://x" + await Fixture.LinkFromLatestAsync("peer@test.example", "reset-password")).Query)["code"].ToString();

        var reset = await Fixture.Client().PostAsJsonAsync("/api/v1/account/reset-password", new { email = "peer@test.example", code, password = "password1234" });
        Assert.Equal([TooCommon], await PasswordErrorsAsync(reset));

        // No page changes a password yet; Identity's change, as the host has it configured, refuses the same.
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<RegistryUser>>();
        var changed = await users.ChangePasswordAsync((await users.FindByIdAsync(user.Id.ToString()))!, WebFixture.Password, "qwertyuiopas");
        Assert.Equal([TooCommon], changed.Errors.Select(e => e.Description));
        Assert.NotEmpty(await Fixture.TokenAsync("peer@test.example"));
    }

    [Fact]
    public async Task A_long_passphrase_of_lower_case_words_is_accepted_and_no_composition_rule_applies()
    {
        var options = Fixture.Factory.Services.GetRequiredService<IOptions<IdentityOptions>>().Value.Password;
        Assert.Equal((12, false, false, false, false), (options.RequiredLength, options.RequireDigit, options.RequireLowercase, options.RequireUppercase, options.RequireNonAlphanumeric));

        var passphrase = "plum tulips wander at dusk";
        var longest = string.Join(" ", Enumerable.Repeat("lantern", 32))[..128];
        Assert.Equal(HttpStatusCode.OK, (await AccountSteps.RegisterThroughApiAsync(Fixture.Client(), "dana@test.example", passphrase)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await AccountSteps.RegisterThroughApiAsync(Fixture.Client(), "robin@test.example", longest)).StatusCode);
        await Fixture.ConfirmAsync("dana@test.example");
        await Fixture.ConfirmAsync("robin@test.example");
        Assert.NotEmpty(await Fixture.TokenAsync("dana@test.example", passphrase));
        Assert.NotEmpty(await Fixture.TokenAsync("robin@test.example", longest));
    }
}

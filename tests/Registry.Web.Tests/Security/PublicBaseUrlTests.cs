using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Registry.Application.Common.Security;
using Registry.Testing;
using Registry.Web.Tests.Account;

namespace Registry.Web.Tests.Security;

/// <summary>
/// Links in e-mail start with Registry:PublicBaseUrl whatever Host header the request that caused them carried; outside
/// Development the registry does not start without it, and serves only its host unless AllowedHosts says otherwise.
/// </summary>
public sealed partial class PublicBaseUrlTests(WebFixture fixture) : WebTest(fixture)
{
    private const string PublicSite = "https://registry.example.gov";

    [Theory]
    [InlineData("Testing", PublicSite)]
    [InlineData("Development", null)] // left out in Development: the README's run address
    public async Task A_reset_and_a_registration_asked_for_under_a_hostile_Host_header_mail_links_to_the_public_address(string environment, string? configured)
    {
        await using var host = new RegistryFactory(Fixture.Factory.Database, environment, new Dictionary<string, string?>
        {
            ["Registry:PublicBaseUrl"] = configured,
            ["AllowedHosts"] = "*", // lets the forged Host reach the page: the links must not follow it anyway
            ["DemoData:Enabled"] = "false",
        });
        var site = new WebFixture(host);
        await site.CreateUserAsync("peer@test.example", Roles.Applicant, personId: Guid.NewGuid());
        var forged = host.CreateDefaultClient(new Uri("http://attacker.example"), new CookieContainerHandler());

        var asked = await AccountSteps.PostFormAsync(forged, "/Account/ForgotPassword", new() { ["Input.Email"] = "peer@test.example" });
        var registered = await AccountSteps.RegisterThroughApiAsync(forged, "newcomer@test.example");

        Assert.True(asked.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"The forgot-password form answered {asked.StatusCode}.");
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        var expected = (configured ?? "http://localhost:5080") + "/Account/";
        Assert.StartsWith(expected + "ResetPassword?", await LinkInLatestAsync(site, "peer@test.example", "reset-password"));
        Assert.StartsWith(expected + "ConfirmEmail?", await LinkInLatestAsync(site, "newcomer@test.example", "confirm-email"));
    }

    [Theory]
    [InlineData(null, "Set Registry:PublicBaseUrl")]
    [InlineData("  ", "Set Registry:PublicBaseUrl")]
    [InlineData("registry.example.gov", "not an absolute https address")]
    [InlineData("http://registry.example.gov", "must use https")]
    [InlineData("ftp://registry.example.gov", "not an absolute https address")]
    [InlineData("https://registry.example.gov/?next=elsewhere", "without a query")]
    public async Task Outside_Development_the_registry_refuses_to_start_without_a_proper_public_address(string? configured, string reason)
    {
        await using var host = new RegistryFactory(Fixture.Factory.Database, "Production", new Dictionary<string, string?> { ["Registry:PublicBaseUrl"] = configured });

        var refused = Assert.ThrowsAny<Exception>(() => host.Services);

        var message = string.Join(" / ", Messages(refused));
        Assert.Contains(reason, message);
        Assert.Contains("Registry:PublicBaseUrl", message);
    }

    [Fact]
    public async Task Plain_http_is_allowed_for_localhost_alone()
    {
        await using var host = new RegistryFactory(Fixture.Factory.Database, "Production", new Dictionary<string, string?> { ["Registry:PublicBaseUrl"] = "http://127.0.0.1:8080" });

        Assert.Equal(HttpStatusCode.OK, (await host.CreateClient().GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task Without_AllowedHosts_only_the_public_host_is_served()
    {
        await using var host = new RegistryFactory(Fixture.Factory.Database, "Production", new Dictionary<string, string?>
        {
            ["Registry:PublicBaseUrl"] = PublicSite + "/",
            ["AllowedHosts"] = null,
        });

        var ours = await host.CreateDefaultClient(new Uri(PublicSite)).GetAsync("/health/live");
        var forged = await host.CreateDefaultClient(new Uri("http://attacker.example")).GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, ours.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    private static async Task<string> LinkInLatestAsync(WebFixture site, string email, string template)
    {
        var message = (await site.OutboxAsync(email)).Last(n => n.Template == template);
        return Assert.Single(Link().Matches(message.Rendered().Text)).Value;
    }

    private static IEnumerable<string> Messages(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException) yield return exception.Message;
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();
}

using System.Net;
using Registry.Testing;

namespace Registry.Web.Tests.Quality;

/// <summary>
/// Behind the state's TLS-ending proxy (here: requests from loopback, configured as the proxy, carrying X-Forwarded-*),
/// on a real socket: the page is https for its cookies, and each forwarded caller has a rate limit of their own. Without
/// a configured proxy the headers are not believed, not even from loopback.
/// </summary>
public sealed class ReverseProxyTests(WebFixture fixture) : WebTest(fixture)
{
    [Fact]
    public async Task Behind_the_proxy_forms_get_secure_cookies_and_each_caller_has_their_own_rate_limit()
    {
        await using var host = new RegistryFactory(Fixture.Factory.Database, settings: new Dictionary<string, string?>
        {
            ["Security:SecureCookies"] = "true",
            ["ReverseProxy:KnownProxies:0"] = "127.0.0.1",
            ["RateLimiting:Anonymous:PermitLimit"] = "2",
            ["RateLimiting:WindowSeconds"] = "300",
        });
        using var client = new HttpClient { BaseAddress = host.StartOnLoopback() };

        var login = await SendAsync(client, "/Account/Login", caller: "203.0.113.7");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var cookies = login.Headers.GetValues("Set-Cookie").ToList();
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));

        const string verify = "/api/v1/verifications/TN-CPRS-000001";
        var first = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++) first.Add((await SendAsync(client, verify, caller: "203.0.113.7")).StatusCode);
        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], first);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(client, verify, caller: "198.51.100.20")).StatusCode);
    }

    [Fact]
    public async Task Without_a_configured_proxy_forwarded_headers_are_not_believed_even_from_loopback()
    {
        await using var host = new RegistryFactory(Fixture.Factory.Database, settings: new Dictionary<string, string?>
        {
            ["RateLimiting:Anonymous:PermitLimit"] = "2",
            ["RateLimiting:WindowSeconds"] = "300",
        });
        using var client = new HttpClient { BaseAddress = host.StartOnLoopback() };

        // Every caller named in X-Forwarded-For is the one loopback address, and shares its limit.
        const string verify = "/api/v1/verifications/TN-CPRS-000001";
        var answers = new List<HttpStatusCode>();
        foreach (var caller in new[] { "203.0.113.7", "198.51.100.20", "192.0.2.33" })
            answers.Add((await SendAsync(client, verify, caller)).StatusCode);
        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], answers);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string path, string caller)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Forwarded-For", caller);
        request.Headers.Add("X-Forwarded-Proto", "https");
        return client.SendAsync(request);
    }
}

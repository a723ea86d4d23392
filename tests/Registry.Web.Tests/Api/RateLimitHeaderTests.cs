using System.Net;
using System.Net.Http.Json;
using Registry.Testing;
using Registry.Web.Tests.Verification;

namespace Registry.Web.Tests.Api;

/// <summary>The IETF draft's RateLimit-Policy and RateLimit headers, read from the limiter's own windows, on its own host with low limits.</summary>
public sealed class RateLimitHeaderTests(WebFixture fixture) : WebTest(fixture)
{
    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : $"(no {name})";

    [Fact]
    public async Task Every_answer_on_a_limited_route_says_the_quota_what_is_left_and_when_it_resets_the_429_included()
    {
        var world = await VerificationWebScenario.SeedAsync(Fixture);
        await using var host = new RegistryFactory(Fixture.Factory.Database, settings: new Dictionary<string, string?>
        {
            ["RateLimiting:Anonymous:PermitLimit"] = "3",
            ["RateLimiting:ApiKey:PermitLimit"] = "5",
            ["RateLimiting:WindowSeconds"] = "300",
        });
        var anonymous = host.CreateClient();
        var path = $"/api/v1/verifications/{world.Credential.Number.Value}";

        var first = await anonymous.GetAsync(path);
        host.Clock.Advance(TimeSpan.FromSeconds(100.5));
        var missing = await anonymous.GetAsync("/api/v1/verifications/TN-CPRS-999999");
        var third = await anonymous.GetAsync("/api/v1/verifications?lastName=zeph&state=TN");
        var refused = await anonymous.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("\"anonymous\";q=3;w=300", Header(first, "RateLimit-Policy"));
        Assert.Equal("\"anonymous\";r=2;t=300", Header(first, "RateLimit"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("\"anonymous\";r=1;t=200", Header(missing, "RateLimit"));
        Assert.Equal("\"anonymous\";r=0;t=200", Header(third, "RateLimit"));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("\"anonymous\";q=3;w=300", Header(refused, "RateLimit-Policy"));
        Assert.Equal("\"anonymous\";r=0;t=200", Header(refused, "RateLimit"));
        Assert.Equal(TimeSpan.FromSeconds(200), refused.Headers.RetryAfter?.Delta);

        var keyed = host.CreateClient();
        keyed.DefaultRequestHeaders.Add("X-Api-Key", world.ApiKey);
        var bulk = await keyed.PostAsJsonAsync("/api/v1/verifications/bulk", new[] { world.Credential.Number.Value });
        Assert.Equal(HttpStatusCode.OK, bulk.StatusCode);
        Assert.Equal("\"api-key\";q=5;w=300", Header(bulk, "RateLimit-Policy"));
        Assert.Equal("\"api-key\";r=4;t=300", Header(bulk, "RateLimit"));

        host.Clock.Advance(TimeSpan.FromSeconds(200));
        var reset = await anonymous.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Equal("\"anonymous\";r=2;t=300", Header(reset, "RateLimit"));
        Assert.Equal("(no RateLimit)", Header(await anonymous.GetAsync("/api/v1/jurisdictions"), "RateLimit"));
    }
}

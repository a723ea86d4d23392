using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Registry.Testing;
using Registry.Web.Infrastructure;

namespace Registry.Web.Tests.Verification;

/// <summary>
/// Two servers of one deployment count verification in the same Redis (a real redis-server of the test's own), so a
/// caller's quota holds across them; while Redis is away each server limits alone and no request is refused for it.
/// </summary>
public sealed class SharedRateLimitTests(WebFixture fixture) : WebTest(fixture)
{
    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : $"(no {name})";

    private RegistryFactory Server(RedisServer redis) => new(Fixture.Factory.Database, settings: new Dictionary<string, string?>
    {
        ["RateLimiting:Anonymous:PermitLimit"] = "3",
        ["RateLimiting:ApiKey:PermitLimit"] = "5",
        ["RateLimiting:WindowSeconds"] = "300",
        [RedisRateLimitCounts.Setting] = redis.Configuration,
    });

    [Fact]
    public async Task Two_servers_on_one_Redis_share_the_anonymous_quota_and_their_headers_count_both()
    {
        var world = await VerificationWebScenario.SeedAsync(Fixture);
        await using var redis = await RedisServer.StartAsync();
        await using var first = Server(redis);
        await using var second = Server(redis);
        var throughFirst = first.CreateClient();
        var throughSecond = second.CreateClient();
        var path = $"/api/v1/verifications/{world.Credential.Number.Value}";

        var one = await throughFirst.GetAsync(path);
        var two = await throughSecond.GetAsync(path);
        foreach (var server in new[] { first, second }) server.Clock.Advance(TimeSpan.FromSeconds(100));
        var three = await throughFirst.GetAsync(path);
        var refusedBySecond = await throughSecond.GetAsync(path);
        var refusedByFirst = await throughFirst.GetAsync(path);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], new[] { one.StatusCode, two.StatusCode, three.StatusCode });
        Assert.Equal("\"anonymous\";q=3;w=300", Header(one, "RateLimit-Policy"));
        Assert.Equal("\"anonymous\";r=2;t=300", Header(one, "RateLimit"));
        Assert.Equal("\"anonymous\";r=1;t=300", Header(two, "RateLimit"));
        Assert.Equal("\"anonymous\";r=0;t=200", Header(three, "RateLimit"));
        foreach (var refused in new[] { refusedBySecond, refusedByFirst })
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.Equal("\"anonymous\";q=3;w=300", Header(refused, "RateLimit-Policy"));
            Assert.Equal("\"anonymous\";r=0;t=200", Header(refused, "RateLimit"));
            Assert.Equal(TimeSpan.FromSeconds(200), refused.Headers.RetryAfter?.Delta);
        }

        var keyed = second.CreateClient();
        keyed.DefaultRequestHeaders.Add("X-Api-Key", world.ApiKey);
        var bulk = await keyed.PostAsJsonAsync("/api/v1/verifications/bulk", new[] { world.Credential.Number.Value });
        Assert.Equal(HttpStatusCode.OK, bulk.StatusCode);
        Assert.Equal("\"api-key\";r=4;t=300", Header(bulk, "RateLimit"));

        foreach (var server in new[] { first, second }) server.Clock.Advance(TimeSpan.FromSeconds(200));
        var afterTheWindow = await throughSecond.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, afterTheWindow.StatusCode);
        Assert.Equal("\"anonymous\";r=2;t=300", Header(afterTheWindow, "RateLimit"));
        Assert.DoesNotContain(first.Log.Entries.Concat(second.Log.Entries), e => e.Category == typeof(RedisRateLimitCounts).FullName);
    }

    [Fact]
    public async Task While_Redis_is_away_a_server_limits_alone_from_what_it_last_counted_and_says_so_once()
    {
        var world = await VerificationWebScenario.SeedAsync(Fixture);
        await using var redis = await RedisServer.StartAsync();
        await using var server = Server(redis);
        var client = server.CreateClient();
        var path = $"/api/v1/verifications/{world.Credential.Number.Value}";

        var counted = await client.GetAsync(path);
        await redis.StopAsync();
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++) answers.Add(await client.GetAsync(path));

        Assert.Equal("\"anonymous\";r=2;t=300", Header(counted, "RateLimit"));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], answers.Select(a => a.StatusCode));
        Assert.Equal(["\"anonymous\";r=1;t=300", "\"anonymous\";r=0;t=300", "\"anonymous\";r=0;t=300", "\"anonymous\";r=0;t=300"], answers.Select(a => Header(a, "RateLimit")));
        var outage = Assert.Single(server.Log.Entries, e => e.Category == typeof(RedisRateLimitCounts).FullName);
        Assert.Equal(LogLevel.Warning, outage.Level);
    }
}

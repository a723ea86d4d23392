using System.Net;
using System.Net.Http.Json;
using Registry.Testing;

namespace Registry.Web.Tests.Verification;

/// <summary>Its own host with low limits set through configuration, on the collection's database.</summary>
public sealed class RateLimitTests(WebFixture fixture) : WebTest(fixture)
{
    [Fact]
    public async Task Past_its_limit_an_anonymous_caller_gets_429_with_retry_after_while_an_api_key_has_its_own_higher_limit()
    {
        var world = await VerificationWebScenario.SeedAsync(Fixture);
        await using var host = new RegistryFactory(Fixture.Factory.Database, settings: new Dictionary<string, string?>
        {
            ["RateLimiting:Anonymous:PermitLimit"] = "3",
            ["RateLimiting:ApiKey:PermitLimit"] = "6",
            ["RateLimiting:WindowSeconds"] = "300",
        });
        var anonymous = host.CreateClient();
        var path = $"/api/v1/verifications/{world.Credential.Number.Value}";

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++) answers.Add((await anonymous.GetAsync(path)).StatusCode);
        var refused = await anonymous.GetAsync(path);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], answers);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta?.TotalSeconds is > 0 and <= 300, $"Retry-After was {refused.Headers.RetryAfter}");
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await anonymous.GetAsync("/api/v1/verifications?lastName=z&state=TN")).StatusCode);

        var keyed = host.CreateClient();
        keyed.DefaultRequestHeaders.Add("X-Api-Key", world.ApiKey);
        var keyedAnswers = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++) keyedAnswers.Add((await keyed.PostAsJsonAsync("/api/v1/verifications/bulk", new[] { world.Credential.Number.Value })).StatusCode);
        Assert.All(keyedAnswers, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await keyed.GetAsync(path)).StatusCode);
    }
}

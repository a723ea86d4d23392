using System.Net;
using Registry.Testing;

namespace Registry.Web.Tests.Verification;

/// <summary>The verification limit as a person in a browser meets it: its own host with low limits, on the collection's database.</summary>
public sealed class RateLimitPagesTests(WebFixture fixture) : WebTest(fixture)
{
    private static readonly Dictionary<string, string?> LowLimits = new()
    {
        ["RateLimiting:Anonymous:PermitLimit"] = "2",
        ["RateLimiting:ApiKey:PermitLimit"] = "5",
        ["RateLimiting:WindowSeconds"] = "60",
    };

    [Fact]
    public async Task Past_the_limit_a_browser_gets_a_page_saying_when_to_try_again_while_the_api_keeps_problem_details()
    {
        var world = await VerificationWebScenario.SeedAsync(Fixture);
        await using var host = new RegistryFactory(Fixture.Factory.Database, settings: LowLimits);
        var browser = host.CreateClient();
        browser.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");
        var page = $"/Verify/{world.Credential.Number.Value}";

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(page)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Verify?lastName=Zeph&state=TN")).StatusCode);
        var refused = await browser.GetAsync(page);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(60), refused.Headers.RetryAfter?.Delta);
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Please try again in 60 seconds.", html);
        Assert.Contains("<h1>Please wait a moment</h1>", html);
        Assert.Contains("usa-skipnav", html); // the site's layout
        Assert.DoesNotContain("\"status\"", html);
        Assert.DoesNotContain("Too many requests.", html);

        var api = await browser.GetAsync($"/api/v1/verifications/{world.Credential.Number.Value}");
        Assert.Equal(HttpStatusCode.TooManyRequests, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(api.Headers.RetryAfter);
    }

    [Fact]
    public async Task Past_the_limit_an_API_address_opened_by_a_caller_that_takes_only_HTML_answers_the_page_never_a_500()
    {
        var world = await VerificationWebScenario.SeedAsync(Fixture);
        await using var host = new RegistryFactory(Fixture.Factory.Database, settings: LowLimits);
        var api = $"/api/v1/verifications/{world.Credential.Number.Value}";
        var client = host.CreateClient();
        for (var i = 0; i < 2; i++) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(api)).StatusCode);

        var html = await SendAsync(client, api, "text/html");
        var xhtml = await SendAsync(client, "/api/v1/verifications?lastName=Zeph&state=TN", "text/html, application/xhtml+xml");
        var plain = await SendAsync(client, api, "text/plain");
        var page = await SendAsync(client, $"/Verify/{world.Credential.Number.Value}", "text/html");

        foreach (var refused in new[] { html, xhtml, page })
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
            var words = await refused.Content.ReadAsStringAsync();
            Assert.Contains("<h1>Please wait a moment</h1>", words);
            Assert.Contains("Please try again in 60 seconds.", words);
            Assert.Equal(TimeSpan.FromSeconds(60), refused.Headers.RetryAfter?.Delta);
        }
        // A caller that names neither HTML nor JSON still gets problem details.
        Assert.Equal(HttpStatusCode.TooManyRequests, plain.StatusCode);
        Assert.Equal("application/problem+json", plain.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Try again in 60 seconds.", await plain.Content.ReadAsStringAsync());
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string path, string accept)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        return client.SendAsync(request);
    }

    [Fact]
    public async Task A_signed_in_employer_has_the_employer_limit_on_the_verify_pages_and_a_visitor_does_not()
    {
        var world = await VerificationWebScenario.SeedAsync(Fixture);
        await using var host = new RegistryFactory(Fixture.Factory.Database, settings: LowLimits);
        var employer = await RosterSteps.SignedInAsync(new WebFixture(host), world.EmployerEmail);
        var page = $"/Verify/{world.Credential.Number.Value}";

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++) answers.Add((await employer.GetAsync(i % 2 == 0 ? page : page + "/Print")).StatusCode);
        var sixth = await employer.GetAsync(page);

        Assert.All(answers, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode);
        Assert.Contains("\"employer\";q=5", sixth.Headers.GetValues("RateLimit-Policy").Single());

        // A visitor from the same address is counted apart, under the anonymous limit.
        var visitor = host.CreateClient();
        var visits = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++) visits.Add((await visitor.GetAsync(page)).StatusCode);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], visits);
    }
}

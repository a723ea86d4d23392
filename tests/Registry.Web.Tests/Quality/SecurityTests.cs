using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Registry.Application.Common.Security;
using Registry.Testing;
using Registry.Web.Infrastructure;

namespace Registry.Web.Tests.Quality;

/// <summary>Security headers on every kind of answer, anti-forgery on every form post, and the cookies' flags.</summary>
public sealed partial class SecurityTests(WebFixture fixture) : WebTest(fixture)
{
    public static TheoryData<string> Paths => ["/", "/Account/Login", "/Staff", "/api/v1/jurisdictions", "/api/v1/applications", "/health", "/no-such-page", "/css/site.css"];

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Every_answer_carries_the_security_headers(string path)
    {
        using var response = await Fixture.Client().GetAsync(path);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, csp);
        var scripts = Directive(csp, "script-src");
        Assert.DoesNotContain("'unsafe-inline'", scripts);
        Assert.DoesNotContain("'unsafe-eval'", scripts);
        Assert.Equal("'none'", Directive(csp, "frame-ancestors"));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task No_page_carries_inline_script()
    {
        foreach (var path in new[] { "/", "/Account/Login", "/Account/Register", "/Account/ForgotPassword" })
        {
            var html = await Fixture.Client().GetStringAsync(path);
            Assert.DoesNotMatch(InlineScript(), html);
            Assert.DoesNotMatch(EventHandlerAttribute(), html);
        }
    }

    [Fact]
    public async Task HSTS_is_sent_over_https_outside_Development()
    {
        var client = Fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://registry.example"), AllowAutoRedirect = false });
        using var response = await client.GetAsync("/");
        Assert.Contains("max-age=", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
    }

    [Fact]
    public async Task Development_sends_no_HSTS()
    {
        await using var development = new RegistryFactory(TestDatabase.Postgres(), "Development", new Dictionary<string, string?>
        {
            ["DemoData:Enabled"] = "false",
            ["Jobs:RunServer"] = "false",
        });
        var client = development.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://registry.example") });
        using var response = await client.GetAsync("/Account/Login");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Outside_Development_the_sign_in_and_anti_forgery_cookies_are_Secure_HttpOnly_and_SameSite()
    {
        await using var production = new RegistryFactory(TestDatabase.Postgres(), "Production", new Dictionary<string, string?>
        {
            ["Security:SecureCookies"] = null, // the production default
            ["Jobs:RunServer"] = "false",
        });
        var client = production.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://registry.example"), AllowAutoRedirect = false });
        await using (var scope = production.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Registry.Infrastructure.Identity.RegistryUser>>();
            var user = new Registry.Infrastructure.Identity.RegistryUser { UserName = "cookie@test.example", Email = "cookie@test.example", EmailConfirmed = true, DisplayName = "Cookie" };
            Assert.True((await users.CreateAsync(user, WebFixture.Password)).Succeeded);
        }

        using var form = await client.GetAsync("/Account/Login");
        var antiforgery = Assert.Single(form.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        AssertFlags(antiforgery, "strict");

        using var signedIn = await WebFixture.SignInThroughFormAsync(client, "cookie@test.example");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var session = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Identity.Application", StringComparison.Ordinal));
        AssertFlags(session, "lax");
    }

    [Fact]
    public async Task Every_form_post_without_the_anti_forgery_token_is_refused()
    {
        await Fixture.CreateUserAsync("applicant@test.example", Roles.Applicant, personId: Guid.NewGuid());
        await Fixture.CreateUserAsync("reviewer@test.example", Roles.Reviewer, state: "TN");
        await Fixture.CreateUserAsync("admin@test.example", Roles.StateAdmin, state: "TN");
        await Fixture.CreateUserAsync("sysadmin@test.example", Roles.SystemAdmin);
        await Fixture.CreateUserAsync("analyst@test.example", Roles.NationalAnalyst);
        await Fixture.CreateUserAsync("employer@test.example", Roles.Employer, employerId: Guid.NewGuid());
        var clients = new Dictionary<string, HttpClient> { [""] = Fixture.Client() };
        foreach (var (role, email) in new[] { (Roles.Applicant, "applicant@test.example"), (Roles.Reviewer, "reviewer@test.example"), (Roles.StateAdmin, "admin@test.example"),
                     (Roles.SystemAdmin, "sysadmin@test.example"), (Roles.NationalAnalyst, "analyst@test.example"), (Roles.Employer, "employer@test.example") })
        {
            clients[role] = Fixture.Client();
            await WebFixture.SignInThroughFormAsync(clients[role], email);
        }

        var loader = Fixture.Factory.Services.GetRequiredService<PageLoader>();
        var posts = new List<(string Url, string Role)>();
        foreach (var endpoint in Fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } page) continue;
            var compiled = await loader.LoadAsync(page, endpoint.Metadata);
            // The error and status pages answer re-executed requests of any method; they are no forms.
            if (compiled.EndpointMetadata.OfType<Microsoft.AspNetCore.Mvc.IgnoreAntiforgeryTokenAttribute>().Any())
            {
                Assert.Contains(page.ViewEnginePath, new[] { "/Error", "/Status" });
                continue;
            }
            var authorize = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>();
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null || authorize.Count == 0;
            var role = anonymous ? "" : authorize.SelectMany(a => a.Roles?.Split(',') ?? [Roles.Applicant]).Select(r => r.Trim()).First(clients.ContainsKey);
            var path = "/" + RouteParameter().Replace(endpoint.RoutePattern.RawText ?? "", Guid.NewGuid().ToString()).TrimStart('/');
            foreach (var handler in compiled.HandlerMethods.Where(h => h.HttpMethod.Equals("POST", StringComparison.OrdinalIgnoreCase)))
                posts.Add((handler.Name is null ? path : $"{path}?handler={handler.Name}", role));
        }
        Assert.True(posts.Count >= 10, $"only {posts.Count} form posts were found");

        var accepted = new List<string>();
        foreach (var (url, role) in posts.Distinct())
        {
            using var response = await clients[role].PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "x@example.org" }));
            if (response.StatusCode != HttpStatusCode.BadRequest) accepted.Add($"{url} as {(role == "" ? "anonymous" : role)}: {(int)response.StatusCode}");
        }
        Assert.True(accepted.Count == 0, "Posts without a token that were not refused with 400:\n" + string.Join("\n", accepted));
    }

    private static void AssertFlags(string setCookie, string sameSite)
    {
        var attributes = setCookie.Split(';').Select(a => a.Trim().ToLowerInvariant()).ToList();
        Assert.Contains("secure", attributes);
        Assert.Contains("httponly", attributes);
        Assert.Contains($"samesite={sameSite}", attributes);
    }

    private static string Directive(string csp, string name) =>
        csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith(name + " ", StringComparison.Ordinal))[(name.Length + 1)..];

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"\son[a-z]+\s*=\s*""", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandlerAttribute();
}

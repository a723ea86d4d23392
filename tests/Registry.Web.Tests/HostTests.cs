using System.Net;
using System.Text.Json;
using Registry.Application.Common.Security;

namespace Registry.Web.Tests;

public sealed class HostTests(WebFixture fixture) : WebTest(fixture)
{
    [Fact]
    public async Task Health_reports_the_database_and_the_job_storage()
    {
        var response = await Fixture.Client().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        var checks = body.RootElement.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("jobs").GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_API_and_its_bearer_sign_in()
    {
        var response = await Fixture.Client().GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = document.RootElement.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/auth/token", "/api/v1/jurisdictions", "/api/v1/applications", "/api/v1/applications/{id}/submit" })
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is missing from the OpenAPI document.");
        Assert.Equal("bearer", document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").GetProperty("scheme").GetString());
    }

    [Fact]
    public async Task The_job_dashboard_is_for_the_system_administrator_only()
    {
        await Fixture.CreateUserAsync("sysadmin@test.example", Roles.SystemAdmin);
        await Fixture.CreateUserAsync("reviewer@test.example", Roles.Reviewer, state: "TN");

        var anonymous = await Fixture.Client().GetAsync("/jobs");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/Account/Login", anonymous.Headers.Location!.PathAndQuery);

        var reviewer = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(reviewer, "reviewer@test.example");
        var refused = await reviewer.GetAsync("/jobs");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", refused.Headers.Location!.PathAndQuery);

        var admin = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(admin, "sysadmin@test.example");
        var dashboard = await admin.GetAsync("/jobs");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("Registry jobs", await dashboard.Content.ReadAsStringAsync());

        var recurring = await (await admin.GetAsync("/jobs/recurring")).Content.ReadAsStringAsync();
        Assert.All(["outbox-dispatch", "renewal-reminders", "credential-expiry"], name => Assert.Contains(name, recurring));
    }

    [Fact]
    public async Task An_unknown_page_gets_a_helpful_not_found_page()
    {
        var response = await Fixture.Client().GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync());
    }
}

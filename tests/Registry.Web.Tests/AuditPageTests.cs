using System.Net;
using Registry.Application.Common.Security;

namespace Registry.Web.Tests;

public sealed class AuditPageTests(WebFixture fixture) : WebTest(fixture)
{
    [Theory]
    [InlineData(Roles.Reviewer, "TN")]
    [InlineData(Roles.Applicant, null)]
    public async Task Only_state_admins_open_the_audit_log(string role, string? state)
    {
        await Fixture.CreateUserAsync("someone@test.example", role, state: state, personId: state is null ? Guid.NewGuid() : null);
        var browser = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(browser, "someone@test.example");

        var response = await browser.GetAsync("/Staff/Audit");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task A_state_admin_reads_it_and_the_API_refuses_another_state()
    {
        await Fixture.CreateUserAsync("admin@test.example", Roles.StateAdmin, state: "TN");
        var browser = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(browser, "admin@test.example");

        Assert.Contains("Audit log: TN", await browser.GetStringAsync("/Staff/Audit"));
        var api = await Fixture.ApiClientAsync("admin@test.example");
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/audit/TN")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/v1/audit/PA")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("/api/v1/audit/TN?from=2026-02-30")).StatusCode);
    }
}

using Microsoft.Playwright;
using Registry.Infrastructure.Seeding;

namespace Registry.Browser.Tests;

[Collection(nameof(BrowserCollection))]
public sealed class AuditPageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_state_admin_filters_the_audit_log_of_their_state()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("E-mail address").FillAsync("admin.tn@registry.example");
        await page.GetByLabel("Password").FillAsync(DemoData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).Last.ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Audit log" }).ClickAsync();
        Assert.Equal("Audit log: TN", await page.Locator("h1").InnerTextAsync());
        await page.AssertAccessibleAsync();

        await page.GetByLabel("Kind of record").FillAsync("Credential");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await page.WaitForURLAsync("**EntityType=Credential**");
        var rows = await page.Locator("tbody tr").AllInnerTextsAsync();
        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.Contains("Credential", row));
        await page.AssertAccessibleAsync();

        // A page at a time: "Next page" carries the cursor and the filter, "First page" goes back to the start.
        await page.GotoAsync("/Staff/Audit?EntityType=Credential&Limit=2");
        var firstRows = await page.Locator("tbody tr").AllInnerTextsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Next page" }).ClickAsync();
        await page.WaitForURLAsync("**cursor=**");
        var nextRows = await page.Locator("tbody tr").AllInnerTextsAsync();
        Assert.NotEmpty(nextRows);
        Assert.Empty(nextRows.Intersect(firstRows));
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "First page" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("cursor="));
        Assert.Equal(firstRows, await page.Locator("tbody tr").AllInnerTextsAsync());
    }

    [Fact]
    public async Task A_state_admin_sees_the_states_reviewers_and_a_refused_invitation_explains_itself()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("E-mail address").FillAsync("admin.pa@registry.example");
        await page.GetByLabel("Password").FillAsync(DemoData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).Last.ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Reviewers" }).ClickAsync();
        Assert.Contains("reviewer.pa@registry.example", await page.GetByRole(AriaRole.Table).InnerTextAsync());
        await page.AssertAccessibleAsync();

        await page.GetByLabel("Name").FillAsync("Someone");
        await page.GetByLabel("E-mail address").FillAsync("reviewer.tn@registry.example");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        Assert.Contains("already exists", await page.GetByRole(AriaRole.Alert).InnerTextAsync());
        await page.AssertAccessibleAsync();
    }
}

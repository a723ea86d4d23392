using Microsoft.Playwright;
using Registry.Infrastructure.Seeding;

namespace Registry.Browser.Tests;

[Collection(nameof(BrowserCollection))]
public sealed class WorkforcePagesTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_state_admin_sees_the_dashboards_charts_and_tables_and_downloads_the_workbook()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("E-mail address").FillAsync("admin.tn@registry.example");
        await page.GetByLabel("Password").FillAsync(DemoData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).Last.ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Workforce dashboard" }).ClickAsync();
        Assert.Equal("Workforce dashboard: Tennessee", await page.Locator("h1").InnerTextAsync());
        Assert.Equal(2, await page.Locator("svg[role=img]").CountAsync());
        Assert.Equal(24, await page.GetByRole(AriaRole.Table, new() { Name = "Active peer specialists at the end of each month (the current month: today)" }).Locator("tbody tr").CountAsync());
        Assert.Contains("Suspended", await page.GetByRole(AriaRole.Table, new() { Name = "Credentials by status today" }).InnerTextAsync());
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Workforce counts" }).First.ClickAsync();
        Assert.Equal("Workforce counts", await page.Locator("h1").InnerTextAsync());
        await page.AssertAccessibleAsync();

        // While the counts are made the button is disabled and a status says so. A listener added after the page's own
        // keeps this first submission from leaving the page, so the busy state stays to be seen; a reload starts afresh.
        var button = page.GetByRole(AriaRole.Button, new() { Name = "Make the workbook" });
        await page.EvaluateAsync("() => document.addEventListener('submit', e => e.preventDefault(), { once: true })");
        await button.ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Counting the workforce… this can take a minute." }).WaitForAsync();
        await Assertions.Expect(button).ToBeDisabledAsync();
        await page.ReloadAsync();
        await Assertions.Expect(button).ToBeEnabledAsync();
        await button.ClickAsync();

        var summary = page.GetByRole(AriaRole.Region, new() { Name = "Your workbook is ready" });
        await summary.WaitForAsync();
        var text = await summary.InnerTextAsync();
        Assert.Contains("Tennessee", text);
        Assert.Matches(@"\d+ program rows? and \d+ county rows?", text);
        await page.AssertAccessibleAsync();
        await page.SetViewportSizeAsync(375, 800);
        await page.AssertAccessibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The workforce summary scrolls sideways at 375 px.");
        var download = await page.RunAndWaitForDownloadAsync(() => summary.GetByRole(AriaRole.Link, new() { Name = "Download the workbook (.xlsx)" }).ClickAsync());
        Assert.StartsWith("workforce-TN-", download.SuggestedFilename);
    }

    [Fact]
    public async Task An_analyst_chooses_a_state_on_the_dashboard()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("E-mail address").FillAsync("analyst@registry.example");
        await page.GetByLabel("Password").FillAsync(DemoData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).Last.ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Workforce dashboard" }).ClickAsync();
        await page.GetByLabel("State").SelectOptionAsync("TX");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        Assert.Equal("Workforce dashboard: Texas", await page.Locator("h1").InnerTextAsync());
        await page.AssertAccessibleAsync();
    }
}

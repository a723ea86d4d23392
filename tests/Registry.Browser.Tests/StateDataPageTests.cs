using Microsoft.Playwright;
using Registry.Infrastructure.Seeding;

namespace Registry.Browser.Tests;

[Collection(nameof(BrowserCollection))]
public sealed class StateDataPageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_state_admin_asks_for_the_states_export_and_sees_it_waiting()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("E-mail address").FillAsync("admin.tn@registry.example");
        await page.GetByLabel("Password").FillAsync(DemoData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).Last.ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Export data" }).ClickAsync();
        Assert.Equal("Export the state's data", await page.Locator("h1").InnerTextAsync());
        await page.AssertAccessibleAtBothWidthsAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Export TN's data" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "We are writing your export" }).WaitForAsync();
        Assert.Contains("Waiting to start", await page.GetByRole(AriaRole.Table, new() { Name = "Exports, newest first" }).InnerTextAsync());
        await page.AssertAccessibleAtBothWidthsAsync();
    }
}

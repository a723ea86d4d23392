using Microsoft.Playwright;
using Registry.Infrastructure.Seeding;

namespace Registry.Browser.Tests;

[Collection(nameof(BrowserCollection))]
public sealed class ProgramLifecycleTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_state_admin_creates_a_program_from_a_template_and_retires_it_after_confirming()
    {
        var code = "B" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(); // the browser tests share one database
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("E-mail address").FillAsync("admin.tn@registry.example");
        await page.GetByLabel("Password").FillAsync(DemoData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).Last.ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Programs" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Create a program" }).ClickAsync();
        await page.AssertAccessibleAtBothWidthsAsync();
        await page.Locator("label[for=start-icrc-peer-recovery]").ClickAsync(); // the USWDS radio itself is drawn by its label
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        Assert.Equal("46", await page.GetByLabel("Training hours in total").InputValueAsync());
        await page.AssertAccessibleAtBothWidthsAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Create the program" }).ClickAsync();
        Assert.Contains("Give the program a code.", await page.GetByRole(AriaRole.Alert).InnerTextAsync());
        await page.AssertAccessibleAtBothWidthsAsync();

        await page.GetByLabel("Code", new() { Exact = true }).FillAsync(code);
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Peer Recovery Specialist " + code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the program" }).ClickAsync();
        Assert.Contains($"The program {code} is created", await page.GetByRole(AriaRole.Status).InnerTextAsync());

        await page.GetByLabel("No new applications from").FillAsync("2030-01-01");
        await page.GetByLabel("Reason for retiring").FillAsync("Replaced by a newer program.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Retire the program" }).ClickAsync();
        Assert.Contains($"({code})?", await page.Locator("h1").InnerTextAsync());
        await page.AssertAccessibleAtBothWidthsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Retire {code}" }).ClickAsync();
        Assert.Contains("takes no new applications from January 1, 2030", await page.GetByRole(AriaRole.Status).InnerTextAsync());
        await page.AssertAccessibleAtBothWidthsAsync();
    }
}

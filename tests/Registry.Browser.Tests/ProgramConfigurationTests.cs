using Microsoft.Playwright;
using Registry.Infrastructure.Seeding;

namespace Registry.Browser.Tests;

[Collection(nameof(BrowserCollection))]
public sealed class ProgramConfigurationTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_state_admin_puts_a_new_version_of_the_requirements_in_force_and_sees_refusals_explained()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("E-mail address").FillAsync("admin.pa@registry.example");
        await page.GetByLabel("Password").FillAsync(DemoData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).Last.ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Programs" }).ClickAsync();
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Certified Peer Specialist (CPS)" }).ClickAsync();
        Assert.Contains("version 1", await page.Locator("h1").InnerTextAsync());
        Assert.Contains("ETHICS; Ethical responsibility; 16", await page.GetByLabel("Training domains").InputValueAsync());
        await page.AssertAccessibleAsync();

        await page.GetByLabel("Of which ethics").FillAsync("99");
        await page.GetByRole(AriaRole.Button, new() { Name = "Put these requirements in force" }).ClickAsync();
        Assert.Contains("Ethics CE hours are part of the CE total", await page.GetByRole(AriaRole.Alert).InnerTextAsync());
        await page.AssertAccessibleAsync();

        await page.GetByLabel("Of which ethics").FillAsync("6");
        await page.GetByLabel("Continuing education hours per cycle").FillAsync("36");
        await page.GetByRole(AriaRole.Button, new() { Name = "Put these requirements in force" }).ClickAsync();
        Assert.Contains("Version 2 of the requirements is in force", await page.GetByRole(AriaRole.Status).InnerTextAsync());
        Assert.Equal("36", await page.GetByLabel("Continuing education hours per cycle").InputValueAsync());
        // Everything not changed on the form is kept: attestations, domains, reciprocity.
        Assert.True(await page.GetByLabel("Code of ethics").IsCheckedAsync());
        Assert.True(await page.GetByLabel("Criminal charges").IsCheckedAsync());
        Assert.Contains("ADVOCACY; Advocacy; 10", await page.GetByLabel("Training domains").InputValueAsync());
    }
}

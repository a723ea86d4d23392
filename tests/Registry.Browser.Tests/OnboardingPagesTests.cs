using Microsoft.Playwright;
using Registry.Infrastructure.Seeding;

namespace Registry.Browser.Tests;

/// <summary>The pages that bring a state on board and let holders claim their records pass axe at desktop and phone widths.</summary>
[Collection(nameof(BrowserCollection))]
public sealed class OnboardingPagesTests(BrowserFixture fixture)
{
    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(DemoData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).Last.ClickAsync();
    }

    [Fact]
    public async Task A_system_administrator_sees_the_states_and_one_states_board_and_administrators()
    {
        var page = await fixture.NewPageAsync();
        await SignInAsync(page, "admin@registry.example");

        await page.GetByRole(AriaRole.Link, new() { Name = "States", Exact = true }).ClickAsync();
        Assert.Equal("States in the registry", await page.Locator("h1").InnerTextAsync());
        await page.AssertAccessibleAtBothWidthsAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Add the state" }).ClickAsync();
        await page.Locator(".usa-alert--error").WaitForAsync();
        await page.AssertAccessibleAtBothWidthsAsync();

        await page.GotoAsync("/Staff/Jurisdiction?code=TN");
        Assert.Equal("Tennessee (TN)", await page.Locator("h1").InnerTextAsync());
        await page.AssertAccessibleAtBothWidthsAsync();
    }

    [Fact]
    public async Task A_state_administrator_sees_the_records_without_an_account()
    {
        var page = await fixture.NewPageAsync();
        await SignInAsync(page, "admin.tn@registry.example");

        await page.GetByRole(AriaRole.Link, new() { Name = "Unclaimed records" }).ClickAsync();
        Assert.Equal("Records without an account", await page.Locator("h1").InnerTextAsync());
        await page.AssertAccessibleAtBothWidthsAsync();
    }

    [Fact]
    public async Task A_holder_claims_with_a_code_and_an_old_link_says_what_to_do()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Account/ClaimWithCode");
        Assert.Equal("Claim your record with a code", await page.Locator("h1").InnerTextAsync());
        await page.AssertAccessibleAtBothWidthsAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Create my account" }).ClickAsync();
        await page.Locator(".usa-alert--error").WaitForAsync();
        await page.AssertAccessibleAtBothWidthsAsync();

        await page.GotoAsync("/Account/Claim?token=no-such-invitation");
        Assert.Contains("This link no longer works", await page.Locator("main").InnerTextAsync());
        await page.AssertAccessibleAtBothWidthsAsync();
    }
}

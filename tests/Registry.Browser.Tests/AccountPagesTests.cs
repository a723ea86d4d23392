using Microsoft.Playwright;
using Registry.Infrastructure.Seeding;

namespace Registry.Browser.Tests;

/// <summary>The account pages in a real browser, checked with axe, before and after a mistake.</summary>
[Collection(nameof(BrowserCollection))]
public sealed class AccountPagesTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("/Account/Register", "Create account")]
    [InlineData("/Account/ForgotPassword", "Send reset link")]
    [InlineData("/Account/ResendConfirmation", "Send link")]
    public async Task Account_forms_are_accessible_before_and_after_a_mistake(string path, string button)
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(path);
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();

        Assert.Contains("Enter your e-mail address.", await page.GetByRole(AriaRole.Alert).InnerTextAsync());
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task A_new_applicant_registers_follows_the_link_from_the_development_outbox_and_signs_in()
    {
        var email = $"new.{Guid.NewGuid():N}@example.org";
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByRole(AriaRole.Link, new() { Name = "Create an account" }).ClickAsync();
        await page.GetByLabel("Legal first name").FillAsync("Jamie");
        await page.GetByLabel("Legal last name").FillAsync("Ortiz");
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(DemoData.Password);
        await page.GetByLabel("Password again").FillAsync(DemoData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        Assert.Contains("We have sent an e-mail to the address you gave", await page.GetByRole(AriaRole.Status).InnerTextAsync());

        await page.GotoAsync("/Development/Mail");
        await page.AssertAccessibleAsync();
        await page.Locator("article", new() { HasText = email }).First.Locator("a[href*='/Account/ConfirmEmail']").ClickAsync();
        Assert.Contains("Your e-mail address is confirmed", await page.Locator("h1").InnerTextAsync());

        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(DemoData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).Last.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Your profile" }).ClickAsync();
        Assert.Equal("Jamie", await page.GetByLabel("Legal first name").InputValueAsync());
    }

    [Fact]
    public async Task The_profile_page_is_accessible_and_shows_errors_by_their_fields()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("E-mail address").FillAsync("sam.patel@example.org");
        await page.GetByLabel("Password").FillAsync(DemoData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).Last.ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase));
        await page.GotoAsync("/Account/Profile");
        await page.AssertAccessibleAsync();

        await page.GetByLabel("ZIP code (private)").FillAsync("123");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save profile" }).ClickAsync();

        Assert.Contains("ZIP code", await page.GetByRole(AriaRole.Alert).InnerTextAsync());
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task The_yearly_work_questions_page_is_accessible_and_shows_bad_hours_by_their_field()
    {
        var page = await fixture.SignedInAsync("morgan.brooks@example.org");
        await page.GotoAsync("/Account/Profile");
        await page.GetByRole(AriaRole.Link, new() { Name = "Answer the yearly questions" }).ClickAsync();
        await page.AssertAccessibleAsync();

        await page.GetByLabel("Hours of peer work in a usual week").FillAsync("200");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save my answers" }).ClickAsync();

        Assert.Contains("hours", await page.GetByRole(AriaRole.Alert).InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task The_npi_page_is_accessible_and_shows_a_wrong_check_digit_by_its_field()
    {
        var page = await fixture.SignedInAsync("drew.watson@example.org");
        await page.GotoAsync("/Account/Profile");
        await page.GetByRole(AriaRole.Link, new() { Name = "Add or change your NPI" }).ClickAsync();
        await page.AssertAccessibleAsync();

        await page.GetByLabel("NPI (optional)").FillAsync("1234567890");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save NPI" }).ClickAsync();

        Assert.Contains("last digit does not match", await page.GetByRole(AriaRole.Alert).InnerTextAsync());
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task Choosing_another_state_refreshes_the_county_list()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("E-mail address").FillAsync("casey.nguyen@example.org");
        await page.GetByLabel("Password").FillAsync(DemoData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).Last.ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase));
        await page.GotoAsync("/Account/Profile");
        Assert.Equal("48453", await page.GetByLabel("County (private)").InputValueAsync());

        await page.GetByLabel("State (private)").SelectOptionAsync("PA");
        await page.Locator("#Input_CountyCode option[value='42043']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.GetByLabel("County (private)").SelectOptionAsync("42043");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save profile" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/Account/Profile", StringComparison.OrdinalIgnoreCase));

        Assert.Equal("42043", await page.GetByLabel("County (private)").InputValueAsync());
        await page.GetByLabel("State (private)").SelectOptionAsync("TX");
        await page.Locator("#Input_CountyCode option[value='48453']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.GetByLabel("County (private)").SelectOptionAsync("48453");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save profile" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/Account/Profile", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("48453", await page.GetByLabel("County (private)").InputValueAsync());
    }
}

using Microsoft.Playwright;
using Registry.Infrastructure.Seeding;

namespace Registry.Browser.Tests;

[Collection(nameof(BrowserCollection))]
public sealed class JourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_home_page_is_accessible_and_lists_the_participating_states()
    {
        var page = await fixture.NewPageAsync();

        var response = await page.GotoAsync("/");

        Assert.Equal(200, response!.Status);
        Assert.Equal("Home | Peer Specialist Registry", await page.TitleAsync());
        Assert.Contains("Tennessee", await page.Locator("#states-heading + ul").InnerTextAsync());
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task The_skip_link_is_the_first_stop_for_keyboard_users()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");

        await page.Keyboard.PressAsync("Tab");

        Assert.Equal("Skip to main content", await page.EvaluateAsync<string>("document.activeElement.textContent"));
    }

    [Fact]
    public async Task The_login_page_is_accessible_before_and_after_a_mistake()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).Last.ClickAsync();

        var alert = page.GetByRole(AriaRole.Alert);
        Assert.Contains("Enter your e-mail address.", await alert.InnerTextAsync());
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task A_demo_applicant_signs_in_and_out()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Account/Login");

        await page.GetByLabel("E-mail address").FillAsync("alex.rivera@example.org");
        await page.GetByLabel("Password").FillAsync(DemoData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).Last.ClickAsync();

        await page.WaitForURLAsync(fixture.BaseAddress.ToString());
        Assert.Contains("Signed in as Alex Rivera", await page.Locator("header").InnerTextAsync());
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true }).WaitForAsync();
    }

    [Fact]
    public async Task A_missing_page_explains_itself_accessibly()
    {
        var page = await fixture.NewPageAsync();

        var response = await page.GotoAsync("/no-such-page");

        Assert.Equal(404, response!.Status);
        Assert.Equal("Page not found", await page.Locator("h1").InnerTextAsync());
        await page.AssertAccessibleAsync();
    }
}

[Collection(nameof(BrowserCollection))]
public sealed class ApplicantJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task An_applicant_starts_an_application_and_sees_why_a_duplicate_or_an_early_submission_is_refused()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Account/Login?ReturnUrl=%2FApplications");
        await page.GetByLabel("E-mail address").FillAsync("alex.rivera@example.org");
        await page.GetByLabel("Password").FillAsync(DemoData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).Last.ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Your applications" }).WaitForAsync();
        await page.AssertAccessibleAsync();

        // Alex already has a Tennessee draft: a second one is refused with a reason on the page.
        await page.GetByLabel("Program").SelectOptionAsync(new SelectOptionValue { Label = "Certified Peer Recovery Specialist (Tennessee)" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Start application" }).ClickAsync();
        Assert.Contains("You already have an open application for this program.", await page.GetByRole(AriaRole.Alert).InnerTextAsync());
        await page.AssertAccessibleAsync();

        await page.GetByLabel("Program").SelectOptionAsync(new SelectOptionValue { Label = "Certified Peer Specialist (Pennsylvania)" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Start application" }).ClickAsync();
        Assert.Contains("Your application has been started.", await page.GetByRole(AriaRole.Status).InnerTextAsync());

        // The new application opens; nothing is recorded yet: submitting is refused with the list of what is missing.
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit application" }).ClickAsync();
        var refusal = await page.GetByRole(AriaRole.Alert).InnerTextAsync();
        Assert.Contains("Training: 0 of 46 hours.", refusal);
        Assert.Contains("Not yet signed: Code of ethics.", refusal);
        await page.AssertAccessibleAsync();
        await page.GotoAsync("/Applications");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Certified Peer Specialist" });
        Assert.Contains("Draft", await row.InnerTextAsync(), StringComparison.OrdinalIgnoreCase); // tags are shown in capitals
        await page.AssertAccessibleAsync();
    }
}

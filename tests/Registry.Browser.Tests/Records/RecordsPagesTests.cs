using Microsoft.Playwright;
using Registry.Infrastructure.Seeding;

namespace Registry.Browser.Tests.Records;

/// <summary>The records pages with axe (WCAG 2.1 AA): empty, with a record, and after a refused form.</summary>
[Collection(nameof(BrowserCollection))]
public sealed class RecordsPagesTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_records_pages_are_accessible_and_explain_refusals()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Account/Login?ReturnUrl=%2FApplications");
        await page.GetByLabel("E-mail address").FillAsync("alex.rivera@example.org");
        await page.GetByLabel("Password").FillAsync(DemoData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).Last.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Records for Certified Peer Recovery Specialist" }).ClickAsync();

        await page.GetByRole(AriaRole.Heading, new() { Name = "Training" }).WaitForAsync();
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add course" }).ClickAsync();
        Assert.Contains("Enter the course name.", await page.GetByRole(AriaRole.Alert).InnerTextAsync());
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Records" }).GetByRole(AriaRole.Link, new() { Name = "Supervision" }).ClickAsync();
        await page.GetByLabel("Date of the session").FillAsync(fixture.DateInput(-2));
        await page.GetByLabel("Hours").FillAsync("1.25");
        await page.Locator("label[for=Input_Format_Group]").ClickAsync(); // USWDS draws the radio on its label
        await page.GetByLabel("Topics discussed").FillAsync("Self-care after a hard week");
        await page.GetByLabel("Supervisor's name").FillAsync("Dana Brooks");
        await page.GetByLabel("Supervisor's credential").FillAsync("LCSW");
        await page.GetByLabel("Supervisor's e-mail address").FillAsync("dana.browser@example.org");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add session" }).ClickAsync();
        Assert.Contains("The session has been added.", await page.GetByRole(AriaRole.Status).InnerTextAsync());
        Assert.Contains("Waiting for your supervisor", await page.GetByRole(AriaRole.Table).InnerTextAsync());
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Send confirmation request to dana.browser@example.org" }).ClickAsync();
        Assert.Contains("has been e-mailed to dana.browser@example.org", await page.GetByRole(AriaRole.Status).InnerTextAsync());

        foreach (var name in new[] { "Work experience", "References" })
        {
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Records" }).GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
            await page.GetByRole(AriaRole.Heading, new() { Name = name }).First.WaitForAsync();
            await page.AssertAccessibleAsync();
        }
    }

    [Fact]
    public async Task A_broken_confirmation_link_explains_itself_accessibly()
    {
        var page = await fixture.NewPageAsync();

        await page.GotoAsync("/Confirm/not-a-real-link");

        Assert.Contains("This link is not valid.", await page.GetByRole(AriaRole.Alert).InnerTextAsync());
        await page.AssertAccessibleAsync();
    }
}

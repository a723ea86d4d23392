using Microsoft.Playwright;
using Registry.Infrastructure.Seeding;

namespace Registry.Browser.Tests;

[Collection(nameof(BrowserCollection))]
public sealed class ExamsPageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_reviewer_records_a_sitting_and_a_refused_import_is_explained_accessibly()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("E-mail address").FillAsync("reviewer.tx@registry.example");
        await page.GetByLabel("Password").FillAsync(DemoData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).Last.ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Exam results" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Exam results" }).WaitForAsync();
        await page.AssertAccessibleAsync();

        // Casey Nguyen has a Texas application; her sitting is recorded and shown.
        await page.GetByLabel("Applicant's e-mail address").FillAsync("casey.nguyen@example.org");
        await page.GetByLabel("Exam date").FillAsync(fixture.DateInput(-3));
        await page.GetByLabel("Score").FillAsync("64");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record sitting" }).ClickAsync();
        Assert.Contains("casey.nguyen@example.org", await page.Locator("main").InnerTextAsync());
        await page.AssertAccessibleAsync();

        // A file that is not a spreadsheet is refused with a message, not an error page.
        await page.Locator("#File").SetInputFilesAsync( // USWDS restyles the file input around its label
            new FilePayload { Name = "results.xlsx", MimeType = "text/plain", Buffer = "hello"u8.ToArray() });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import results" }).ClickAsync();
        Assert.NotEqual(0, await page.GetByRole(AriaRole.Alert).CountAsync());
        await page.AssertAccessibleAsync();
    }
}

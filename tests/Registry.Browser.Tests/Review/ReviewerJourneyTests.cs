using Microsoft.Playwright;
using Registry.Infrastructure.Seeding;

namespace Registry.Browser.Tests.Review;

/// <summary>
/// Pennsylvania's demo staff review Sam Patel's application, which meets everything but the exam:
/// the reviewer's approval is refused with the unmet line, and the state administrator approves with a
/// waiver and sees the credential number. axe runs on every page visited.
/// </summary>
[Collection(nameof(BrowserCollection))]
public sealed class ReviewerJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_reviewer_opens_the_queue_and_the_application_and_an_admin_approves_with_a_waiver()
    {
        var reviewer = await fixture.SignedInAsync("reviewer.pa@registry.example");
        await Visit(reviewer, "/Staff");
        var queue = reviewer.GetByRole(AriaRole.Table, new() { Name = "Open applications, oldest first" });
        Assert.Contains("Sam Patel", await queue.InnerTextAsync());
        await queue.GetByRole(AriaRole.Link, new() { Name = "Sam Patel" }).ClickAsync();
        await Checked(reviewer);
        var applicationUrl = reviewer.Url;
        Assert.Contains("unmet", (await reviewer.Locator(".registry-checklist").InnerTextAsync()).ToLowerInvariant()); // the tag is upper-cased by CSS
        Assert.Contains("I have lived with depression", await reviewer.ContentAsync()); // private statements are for same-state staff

        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true }).ClickAsync();
        await reviewer.WaitForLoadStateAsync(LoadState.Load);
        Assert.Contains("cannot be approved while requirements are unmet", await reviewer.GetByRole(AriaRole.Alert).InnerTextAsync());
        await reviewer.AssertAccessibleAsync();

        var admin = await fixture.SignedInAsync("admin.pa@registry.example");
        await Visit(admin, new Uri(applicationUrl).PathAndQuery);
        await admin.GetByLabel("Waiver reason (only to approve despite an unmet requirement or entries not yet checked)").FillAsync("Passed the IC&RC exam in Ohio in 2025.");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true }).ClickAsync();
        await Checked(admin);

        var confirmation = await admin.GetByRole(AriaRole.Status).InnerTextAsync();
        Assert.Matches(@"Credential PA-CPS-\d{6} is issued", confirmation);
        Assert.Contains("Approved with a waiver: Passed the IC&RC exam in Ohio in 2025.", await admin.ContentAsync().ContinueWith(t => System.Net.WebUtility.HtmlDecode(t.Result)));
    }

    private static async Task Visit(IPage page, string path)
    {
        var response = await page.GotoAsync(path);
        Assert.True(response!.Ok, $"{path} answered {response.Status}");
        await page.AssertAccessibleAsync();
    }

    private static async Task Checked(IPage page)
    {
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Equal(0, await page.GetByRole(AriaRole.Alert).CountAsync());
        await page.AssertAccessibleAsync();
    }
}

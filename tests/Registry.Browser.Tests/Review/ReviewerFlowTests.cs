using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Registry.Infrastructure.Seeding;

namespace Registry.Browser.Tests.Review;

/// <summary>
/// Tennessee's reviewer takes Jordan Lee's complete application from the queue to a credential: the decision panel
/// heads the page, the exam result is recorded on the page itself, "Reject…" opens a reason for its row only,
/// approval waits for the unchecked entries, and "Verify all remaining entries" confirms the count before it acts.
/// Every page is checked with axe at 1280 and 375 px, and at 375 px nothing scrolls sideways.
/// </summary>
[Collection(nameof(BrowserCollection))]
public sealed partial class ReviewerFlowTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_complete_application_goes_from_the_queue_to_a_credential_with_the_decisions_on_top()
    {
        var reviewer = await fixture.SignedInAsync("reviewer.tn@registry.example");
        await Visit(reviewer, "/Staff");

        // Opened from the queue to record the exam result (which arrives before the review begins).
        await reviewer.GetByRole(AriaRole.Table, new() { Name = "Open applications, oldest first" }).GetByRole(AriaRole.Link, new() { Name = "Jordan Lee" }).ClickAsync();
        await Checked(reviewer);
        var path = new Uri(reviewer.Url).AbsolutePath;
        await AssertAboveAsync(reviewer, reviewer.Locator("#decide-heading"), reviewer.GetByRole(AriaRole.Table, new() { Name = "Training entries" }));
        Assert.Contains("The applicant has no pass recorded yet.", await reviewer.Locator("main").InnerTextAsync());

        // The exam result, recorded here instead of on /Staff/Exams by the applicant's e-mail.
        await reviewer.GetByLabel("Date taken").FillAsync(fixture.DateInput(-3));
        await reviewer.GetByLabel("Score").FillAsync("85");
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Record the result" }).ClickAsync();
        await Checked(reviewer);
        Assert.Contains("Exam result recorded: attempt 1", await reviewer.GetByRole(AriaRole.Status).InnerTextAsync());
        Assert.Equal(0, await reviewer.GetByRole(AriaRole.Button, new() { Name = "Record the result" }).CountAsync());

        // A complete application with its exam recorded, from the queue to a credential in three actions.
        // Action 1: begin the review from the queue, which opens the application.
        await Visit(reviewer, "/Staff");
        await reviewer.GetByRole(AriaRole.Table, new() { Name = "Open applications, oldest first" })
            .GetByRole(AriaRole.Button, new() { Name = "Begin review of Jordan Lee's application" }).ClickAsync();
        await Checked(reviewer);
        Assert.Equal(path, new Uri(reviewer.Url).AbsolutePath);
        Assert.Contains("The application is now under review.", await reviewer.GetByRole(AriaRole.Status).InnerTextAsync());
        await AssertAboveAsync(reviewer, reviewer.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true }), reviewer.Locator(".registry-checklist"));

        // A reason box opens for the entry being rejected only, and a missing reason is shown at that field.
        Assert.Equal(0, await reviewer.Locator("input[name=RecordReason]").CountAsync());
        var row = reviewer.GetByRole(AriaRole.Table, new() { Name = "Training entries" }).Locator("tbody tr").First;
        await row.GetByRole(AriaRole.Link, new() { NameRegex = RejectLink() }).ClickAsync();
        await Checked(reviewer);
        Assert.Equal(1, await reviewer.Locator("input[name=RecordReason]").CountAsync());
        await row.GetByRole(AriaRole.Button, new() { NameRegex = RejectButton() }).ClickAsync();
        await reviewer.WaitForLoadStateAsync(LoadState.Load);
        var reason = reviewer.Locator("input[name=RecordReason]");
        Assert.Equal("true", await reason.GetAttributeAsync("aria-invalid"));
        Assert.Contains("Say why the entry is rejected", await reviewer.Locator($"#{await reason.GetAttributeAsync("aria-describedby")}").InnerTextAsync());
        await AssertAtBothWidthsAsync(reviewer);
        await Visit(reviewer, path); // cancelled: nothing rejected

        // Not one of the three: approval waits for the entries nobody has checked yet.
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true }).ClickAsync();
        await reviewer.WaitForLoadStateAsync(LoadState.Load);
        Assert.Contains("cannot be approved while 3 training entries and 1 work entry are not yet checked", await reviewer.GetByRole(AriaRole.Alert).InnerTextAsync());
        await AssertAtBothWidthsAsync(reviewer);

        // Actions 2 and 3: verify all remaining entries, which says what it will do, and confirm it with the approval.
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Verify all remaining entries" }).ClickAsync();
        await Checked(reviewer);
        var confirmation = await reviewer.Locator("#verify-all").InnerTextAsync();
        Assert.Contains("Verify all 4 entries still waiting?", confirmation);
        Assert.Contains("This marks 3 training entries and 1 work entry as verified", confirmation);
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Verify 4 entries and approve" }).ClickAsync();
        await Checked(reviewer);

        var done = await reviewer.GetByRole(AriaRole.Status).InnerTextAsync();
        Assert.Contains("3 training entries and 1 work entry are verified.", done);
        Assert.Matches(@"Approved\. Credential TN-CPRS-\d{6} is issued", done);

        // The approval was written as a letter, listed with the application.
        Assert.Contains("Approval letter", await reviewer.GetByRole(AriaRole.List, new() { Name = "Letters" }).InnerTextAsync());
        await AssertAtBothWidthsAsync(reviewer);
    }

    private static async Task Visit(IPage page, string path)
    {
        var response = await page.GotoAsync(path);
        Assert.True(response!.Ok, $"{path} answered {response.Status}");
        await AssertAtBothWidthsAsync(page);
    }

    private static async Task Checked(IPage page)
    {
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Equal(0, await page.GetByRole(AriaRole.Alert).CountAsync());
        await AssertAtBothWidthsAsync(page);
    }

    /// <summary>axe at desktop and phone widths, and at the phone width no sideways scrolling; back to desktop after.</summary>
    private static async Task AssertAtBothWidthsAsync(IPage page)
    {
        await page.SetViewportSizeAsync(1280, 800);
        await page.AssertAccessibleAsync();
        await page.SetViewportSizeAsync(375, 800);
        await page.AssertAccessibleAsync();
        var (scrollWidth, innerWidth) = (await page.EvaluateAsync<int>("document.documentElement.scrollWidth"), await page.EvaluateAsync<int>("window.innerWidth"));
        Assert.True(scrollWidth <= innerWidth, $"{page.Url} scrolls sideways at 375 px: {scrollWidth} > {innerWidth}");
        await page.SetViewportSizeAsync(1280, 800);
    }

    private static async Task AssertAboveAsync(IPage page, ILocator upper, ILocator lower)
    {
        var (top, bottom) = (await upper.BoundingBoxAsync(), await lower.BoundingBoxAsync());
        Assert.True(top!.Y < bottom!.Y, $"{page.Url}: expected the first element above the second ({top.Y} ≥ {bottom.Y})");
    }

    [GeneratedRegex("^Reject .+…$")]
    private static partial Regex RejectLink();

    [GeneratedRegex("^Reject [^…]+$")]
    private static partial Regex RejectButton();
}

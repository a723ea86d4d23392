using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Registry.Infrastructure.Seeding;

namespace Registry.Browser.Tests;

/// <summary>
/// Jesse Morales's demo credential (Tennessee, 36 CE hours of which 3 ethics, no CE audit) expires in 40
/// days: Jesse renews it from the credentials page, records CE, signs the attestations again and submits;
/// Tennessee's reviewer approves, and the expiry moves one cycle from the old one. axe runs on every page.
/// </summary>
[Collection(nameof(BrowserCollection))]
public sealed partial class RenewalJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_holder_renews_from_the_credentials_page_and_a_reviewer_approves_it()
    {
        var holder = await SignedInAsync("jesse.morales@example.org");
        await Visit(holder, "/Credentials");
        var number = (await holder.Locator("main h2").First.InnerTextAsync()).Trim();
        Assert.Matches(TennesseeNumber(), number);
        var oldExpiry = fixture.Today.AddDays(40);
        Assert.Contains($"Expires {oldExpiry:MMMM d, yyyy}", await holder.Locator("main").InnerTextAsync());
        await Click(holder, $"Renew credential {number}");

        Assert.Contains($"Renewal of credential {number}", await holder.Locator("main").InnerTextAsync());
        var checklist = await holder.Locator(".registry-checklist").InnerTextAsync();
        Assert.Contains("Continuing education: 0 of 36 hours.", checklist);
        Assert.DoesNotContain("Training", checklist);
        var applicationPath = new Uri(holder.Url).AbsolutePath;

        await holder.GetByRole(AriaRole.Link, new() { Name = "continuing education", Exact = true }).ClickAsync();
        await Checked(holder);
        await AddCeAsync(holder, "Trauma-informed peer support", "33", ethics: false);
        await AddCeAsync(holder, "Ethics for peer specialists", "3", ethics: true);
        Assert.Contains("Ethics for peer specialists", await holder.GetByRole(AriaRole.Table).InnerTextAsync());

        await Visit(holder, applicationPath + "/Attestations");
        await holder.Locator("#lived-experience-statement").FillAsync("Twelve years in recovery; I still share my story at work.");
        foreach (var title in new[] { "Lived experience", "Code of ethics", "Truthfulness of this application" })
        {
            var box = holder.Locator("section", new() { HasText = title });
            await box.GetByText("I have read this and I sign it").ClickAsync(); // USWDS draws the box on the label
            await box.GetByRole(AriaRole.Button).ClickAsync();
            await Checked(holder);
        }

        await Visit(holder, applicationPath);
        Assert.Contains("Ethics continuing education: 3 of 3 hours.", await holder.Locator(".registry-checklist").InnerTextAsync());
        await Click(holder, "Submit application");
        Assert.Contains("Your application has been submitted.", await holder.GetByRole(AriaRole.Status).InnerTextAsync());

        var reviewer = await SignedInAsync("reviewer.tn@registry.example");
        await Visit(reviewer, "/Staff");
        var row = reviewer.GetByRole(AriaRole.Row).Filter(new() { HasText = "Jesse Morales" });
        Assert.Contains(number, await row.InnerTextAsync());
        Assert.Contains("Renewal", await row.InnerTextAsync());
        await row.GetByRole(AriaRole.Link, new() { Name = "Jesse Morales" }).ClickAsync();
        await Checked(reviewer);
        Assert.Contains($"Credential {number}", await reviewer.Locator("main").InnerTextAsync());
        Assert.Contains("Trauma-informed peer support", await reviewer.GetByRole(AriaRole.Table, new() { Name = "Continuing-education entries" }).InnerTextAsync());
        await Click(reviewer, "Begin review");
        await Click(reviewer, "Approve");

        var newExpiry = oldExpiry.AddMonths(24);
        Assert.Contains($"Credential {number} is renewed; it now expires on {newExpiry:MMMM d, yyyy}.", await reviewer.GetByRole(AriaRole.Status).InnerTextAsync());

        await Visit(holder, "/Credentials");
        var page = await holder.Locator("main").InnerTextAsync();
        Assert.Contains($"Expires {newExpiry:MMMM d, yyyy}", page);
        Assert.Contains("Renewed", page);
    }

    private async Task AddCeAsync(IPage page, string course, string hours, bool ethics)
    {
        await page.GetByLabel("Course name").FillAsync(course);
        await page.GetByLabel("Education provider").FillAsync("Tennessee Peer Institute");
        await page.GetByLabel("Hours").FillAsync(hours);
        await page.GetByLabel("Completion date").FillAsync(fixture.DateInput(-60));
        if (ethics) await page.GetByText("This course is about ethics").ClickAsync();
        await Click(page, "Add course");
    }

    private async Task<IPage> SignedInAsync(string email)
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(DemoData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).Last.ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        return page;
    }

    private static async Task Visit(IPage page, string path)
    {
        var response = await page.GotoAsync(path);
        Assert.True(response!.Ok, $"{path} answered {response.Status}");
        await page.AssertAccessibleAsync();
    }

    private static async Task Click(IPage page, string button)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
        await Checked(page);
    }

    private static async Task Checked(IPage page)
    {
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Equal(0, await page.GetByRole(AriaRole.Alert).CountAsync());
        await page.AssertAccessibleAsync();
    }

    [GeneratedRegex(@"^TN-CPRS-\d{6}$")]
    private static partial Regex TennesseeNumber();
}

using Microsoft.Playwright;
using Registry.Infrastructure.Seeding;

namespace Registry.Browser.Tests;

/// <summary>
/// The application page opens with its status explained (denied, information requested, approved) and shows a
/// first-time applicant the way (checklist links, what happens next, the exam's registration); the programs'
/// requirements are public. Demo applicants; axe at 1280 and 375 px, and no horizontal scroll at 375 px.
/// </summary>
[Collection(nameof(BrowserCollection))]
public sealed class ApplicationPageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_denied_application_opens_with_the_reason_the_date_whom_to_contact_and_what_to_do_next()
    {
        var page = await OwnApplicationAsync("taylor.kim@example.org");

        var alert = page.Locator("#status-alert");
        var text = await alert.InnerTextAsync();
        Assert.Contains("Your application was not approved", text);
        Assert.Contains("The reason they gave: The training provider is not approved in Pennsylvania.", text);
        Assert.Contains("denied it on", text);
        Assert.Contains("peer.certification@pa.example.gov", text);
        Assert.Contains("717-555-0118", text);
        Assert.Contains("you have until", text);
        Assert.NotNull(await alert.GetByRole(AriaRole.Link, new() { Name = "Appeal this decision" }).GetAttributeAsync("href"));
        Assert.Equal(1, await alert.GetByRole(AriaRole.Button, new() { Name = "Start a new application for Certified Peer Specialist" }).CountAsync());
        // The alert comes first, right under the heading.
        Assert.True(await page.EvaluateAsync<bool>("document.querySelector('h1').nextElementSibling.id === 'status-alert'"));
        await CheckedAtBothWidthsAsync(page);

        await alert.GetByRole(AriaRole.Link, new() { Name = "Appeal this decision" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Equal(1, await page.GetByLabel("Your statement").CountAsync());
        await CheckedAtBothWidthsAsync(page);
    }

    [Fact]
    public async Task Information_requested_opens_with_what_was_asked_and_a_link_to_the_answer()
    {
        var page = await OwnApplicationAsync("casey.nguyen@example.org");

        var alert = page.Locator("#status-alert");
        Assert.Contains("Please upload the certificate for your ethics training.", await alert.InnerTextAsync());
        Assert.Contains("On ", await alert.InnerTextAsync());
        await alert.GetByRole(AriaRole.Link, new() { Name = "answer the request and resubmit" }).ClickAsync();
        Assert.EndsWith("#Answer", page.Url);
        Assert.Equal(1, await page.Locator("textarea#Answer").CountAsync());
        await CheckedAtBothWidthsAsync(page);
    }

    [Fact]
    public async Task An_approved_application_opens_with_the_credential_number_and_a_link_to_it()
    {
        var page = await OwnApplicationAsync("morgan.brooks@example.org");

        var alert = page.Locator("#status-alert");
        Assert.Matches(@"Your credential number is TN-CPRS-\d{6}", await alert.InnerTextAsync());
        Assert.Equal("/Credentials", await alert.GetByRole(AriaRole.Link, new() { Name = "See your credential" }).GetAttributeAsync("href"));
        await CheckedAtBothWidthsAsync(page);
    }

    [Fact]
    public async Task A_draft_links_each_checklist_line_to_where_it_is_fixed_and_says_what_happens_next()
    {
        var page = await OwnApplicationAsync("alex.rivera@example.org", "Certified Peer Recovery Specialist");

        var checklist = page.Locator(".registry-checklist");
        var training = checklist.GetByRole(AriaRole.Link, new() { Name = "Your training for: Training" });
        Assert.Matches(@"^/Applications/[0-9a-f-]+/Training$", await training.GetAttributeAsync("href"));
        Assert.Matches(@"/Work$", await checklist.GetByRole(AriaRole.Link, new() { Name = "Your work experience for: Supervised work" }).GetAttributeAsync("href"));
        Assert.Matches(@"/References$", await checklist.GetByRole(AriaRole.Link, new() { Name = "Your references for: References" }).GetAttributeAsync("href"));
        Assert.Contains("How to register for the exam: Register with the Tennessee Peer Exam Center", await checklist.InnerTextAsync());

        var next = page.GetByRole(AriaRole.List, new() { Name = "What happens next" });
        var steps = await next.InnerTextAsync();
        Assert.Contains("You take the exam", steps);
        Assert.Contains("Your state's staff review your application", steps);
        Assert.Matches("median|not yet enough recent decisions", steps);
        await CheckedAtBothWidthsAsync(page);

        await training.ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.EndsWith("/Training", page.Url);
    }

    [Fact]
    public async Task Anyone_reads_a_programs_requirements_before_signing_up()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Read each state's requirements" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.EndsWith("/Programs", page.Url);
        await CheckedAtBothWidthsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Peer Specialist", Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.EndsWith("/Programs/TX/PS", page.Url);
        var text = await page.Locator("main").InnerTextAsync();
        Assert.Contains("60 hours of peer specialist training", text);
        Assert.Contains("8 hours in ethical responsibility", text);
        Assert.Contains("250 hours of supervised peer support work", text);
        Assert.Contains("How to register: Register for the Texas peer specialist exam", text);
        Assert.Contains("renewed every 12 months, on December 31", text);
        Assert.Contains("appeal within 30 days", text);
        Assert.Contains("peer.certification@tx.example.gov", text);
        await CheckedAtBothWidthsAsync(page);

        await page.GotoAsync("/Account/Register");
        Assert.Equal("/Programs", await page.GetByRole(AriaRole.Link, new() { Name = "Read what each state's program asks for" }).GetAttributeAsync("href"));
    }

    /// <summary>Signs in as a demo applicant and opens their (only) application from their list.</summary>
    /// <summary>The person's application for <paramref name="program"/> (other classes may start more), else their first.</summary>
    [Fact]
    public async Task The_optional_questions_about_you_and_your_work_are_accessible_before_and_after_a_mistake()
    {
        var page = await OwnApplicationAsync("taylor.kim@example.org");

        await page.GetByRole(AriaRole.Link, new() { Name = "Answer the questions about you and your work" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Equal("About you and your work (optional)", await page.Locator("h1").InnerTextAsync());
        await CheckedAtBothWidthsAsync(page);

        await page.GetByLabel("Hours of peer work in a usual week").FillAsync("90");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save my answers" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Contains("Enter the hours as a whole number from 0 to 80", await page.GetByRole(AriaRole.Alert).InnerTextAsync());
        await CheckedAtBothWidthsAsync(page);
    }

    private async Task<IPage> OwnApplicationAsync(string email, string? program = null)
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(DemoData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).Last.ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase));
        await page.GotoAsync("/Applications");
        await page.Locator("table th[scope=row] a", new() { HasText = program ?? "" }).First.ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Matches(@"/Applications/[0-9a-f-]+$", page.Url);
        return page;
    }

    /// <summary>axe at desktop and phone widths, and nothing scrolls sideways on the phone.</summary>
    private static async Task CheckedAtBothWidthsAsync(IPage page)
    {
        await page.SetViewportSizeAsync(1280, 900);
        await page.AssertAccessibleAsync();
        await page.SetViewportSizeAsync(375, 800);
        await page.AssertAccessibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"{page.Url} scrolls sideways at 375 px");
        await page.SetViewportSizeAsync(1280, 900);
    }
}

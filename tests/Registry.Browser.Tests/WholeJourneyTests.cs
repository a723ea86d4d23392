using Microsoft.Playwright;
using Registry.Infrastructure.Seeding;

namespace Registry.Browser.Tests;

/// <summary>
/// The applicant journey as a new person meets it: register, confirm the e-mail, start an application,
/// add training, work and supervision (confirmed by the supervisor through the e-mailed link), sign,
/// watch the checklist fill, submit. axe runs on every page visited.
/// </summary>
[Collection(nameof(BrowserCollection))]
public sealed class WholeJourneyTests(BrowserFixture fixture)
{
    private string Today => fixture.DateInput();
    private string LastMonth => fixture.DateInput(-30);

    [Fact]
    public async Task A_new_applicant_goes_from_registration_to_a_submitted_application()
    {
        var email = $"river.{Guid.NewGuid():N}@example.org";
        var page = await fixture.NewPageAsync();

        // Register and confirm the e-mail address from the development outbox.
        await Visit(page, "/Account/Register");
        await page.GetByLabel("Legal first name").FillAsync("River");
        await page.GetByLabel("Legal last name").FillAsync("Nakamura");
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(DemoData.Password);
        await page.GetByLabel("Password again").FillAsync(DemoData.Password);
        await Click(page, "Create account");
        await Visit(page, "/Development/Mail");
        await page.Locator("article", new() { HasText = email }).First.Locator("a[href*='/Account/ConfirmEmail']").ClickAsync();
        await Checked(page);

        await Visit(page, "/Account/Login");
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(DemoData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).Last.ClickAsync();

        // Start a Texas application and see everything still to do.
        await Visit(page, "/Applications");
        await page.GetByLabel("Program").SelectOptionAsync(new SelectOptionValue { Label = "Peer Specialist (Texas)" });
        await Click(page, "Start application"); // opens the new application
        var applicationUrl = page.Url;
        Assert.Contains("Training: 0 of 60 hours.", await Checklist(page));

        // Training: the ethics domain and general training.
        await page.GetByRole(AriaRole.Link, new() { Name = "training", Exact = true }).ClickAsync();
        await Checked(page);
        await AddCourse(page, "Ethics in peer support", "ETHICS", "8");
        await AddCourse(page, "Texas peer specialist core training", "", "52");

        // Work experience.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Records" }).GetByRole(AriaRole.Link, new() { Name = "Work experience" }).ClickAsync();
        await Checked(page);
        await page.GetByLabel("Organisation").FillAsync("Harbor House Recovery Center");
        await page.GetByLabel("Start date").FillAsync("2025-06-01");
        await page.GetByLabel("End date").FillAsync(LastMonth);
        await page.GetByLabel("Hours worked").FillAsync("250");
        await Click(page, "Add work");

        // Supervision, confirmed by the supervisor through their link.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Records" }).GetByRole(AriaRole.Link, new() { Name = "Supervision" }).ClickAsync();
        await Checked(page);
        await page.GetByLabel("Date of the session").FillAsync(LastMonth);
        await page.GetByLabel("Hours").FillAsync("1.5");
        await page.GetByLabel("Topics discussed").FillAsync("Sharing my story with purpose");
        await page.GetByLabel("Supervisor's name").FillAsync("Dana Whitfield");
        await page.GetByLabel("Supervisor's credential").FillAsync("LCSW");
        await page.GetByLabel("Supervisor's e-mail address").FillAsync("dana.journey@example.org");
        await Click(page, "Add session");
        await Click(page, "Send confirmation request to dana.journey@example.org");

        var supervisor = await fixture.NewPageAsync();
        await Visit(supervisor, "/Development/Mail");
        var link = await supervisor.Locator("article", new() { HasText = "dana.journey@example.org" }).First.Locator("a[href*='/Confirm/']").GetAttributeAsync("href");
        await Visit(supervisor, new Uri(link!).PathAndQuery);
        Assert.Contains("Sharing my story with purpose", await supervisor.Locator("main").InnerTextAsync());
        await Click(supervisor, "Confirm these sessions");
        await page.ReloadAsync();
        Assert.DoesNotContain("Waiting for your supervisor", await page.GetByRole(AriaRole.Table).InnerTextAsync());

        // Sign the attestations.
        await Visit(page, new Uri(applicationUrl).AbsolutePath + "/Attestations");
        await page.Locator("#lived-experience-statement").FillAsync("I have been in recovery from addiction for six years.");
        foreach (var title in new[] { "Lived experience", "Code of ethics", "Truthfulness of this application" })
        {
            var box = page.Locator("section", new() { HasText = title });
            await box.GetByText("I have read this and I sign it").ClickAsync(); // USWDS draws the box on the label
            await box.GetByRole(AriaRole.Button).ClickAsync();
            await Checked(page);
        }

        // The checklist is full but for the exam, which staff record; submit.
        await Visit(page, new Uri(applicationUrl).AbsolutePath);
        var checklist = await Checklist(page);
        Assert.Contains("Training: 60 of 60 hours.", checklist);
        Assert.Contains("Supervised work: 250 of 250 hours.", checklist);
        Assert.Contains("Signed: Code of ethics.", checklist);
        Assert.DoesNotContain("To do", checklist);
        await Click(page, "Submit application");
        Assert.Contains("Your application has been submitted.", await page.GetByRole(AriaRole.Status).InnerTextAsync());
        Assert.Contains("submitted", await page.Locator(".registry-status").First.InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
        await page.AssertAccessibleAsync();
    }

    private async Task AddCourse(IPage page, string course, string domain, string hours)
    {
        await page.GetByLabel("Course name").FillAsync(course);
        await page.GetByLabel("Training provider").FillAsync("Texas Peer Training Institute");
        await page.GetByLabel("Training domain").SelectOptionAsync(domain);
        await page.GetByLabel("Hours").FillAsync(hours);
        await page.GetByLabel("Completion date").FillAsync(LastMonth);
        await Click(page, "Add course");
    }

    private static async Task Visit(IPage page, string path)
    {
        var response = await page.GotoAsync(path);
        Assert.True(response!.Ok, $"{path} answered {response.Status}");
        await page.AssertAccessibleAsync();
    }

    /// <summary>Presses a button and checks the page it leads to with axe.</summary>
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

    private static Task<string> Checklist(IPage page) => page.Locator(".registry-checklist").InnerTextAsync();
}

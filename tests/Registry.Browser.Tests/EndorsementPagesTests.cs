using Microsoft.Playwright;

namespace Registry.Browser.Tests;

/// <summary>Endorsements as the public sees them: on a holder's record and on the program's page (demo: Texas defines MH and RS; Skyler Bennett holds MH).</summary>
[Collection(nameof(BrowserCollection))]
public sealed class EndorsementPagesTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_public_record_and_the_program_page_show_endorsements()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Verify");
        await page.GetByLabel("Last name").FillAsync("Bennett");
        await page.GetByLabel("State", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Texas" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        var results = page.GetByRole(AriaRole.Table);
        await results.WaitForAsync();
        await results.GetByRole(AriaRole.Link).First.ClickAsync();
        await page.GetByText("Specialty endorsements").WaitForAsync();
        var record = await page.Locator("main").InnerTextAsync();
        Assert.Contains("Mental health (MH): active since", record);
        Assert.DoesNotContain("Board decision", record); // the note stays with staff and the holder
        await page.AssertAccessibleAsync();
        var recordPath = new Uri(page.Url).AbsolutePath;

        await page.GotoAsync("/Programs/TX/PS");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Specialty endorsements" }).WaitForAsync();
        Assert.Contains("Recovery support (RS)", await page.Locator("main").InnerTextAsync());
        await page.AssertAccessibleAsync();

        await page.SetViewportSizeAsync(320, 800);
        foreach (var path in new[] { recordPath, "/Programs/TX/PS" })
        {
            await page.GotoAsync(path);
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"{path} scrolls sideways at 320 px");
            await page.AssertAccessibleAsync();
        }

        // Texas staff see it on the credential's record, with the note it was granted with in the history.
        var staff = await fixture.SignedInAsync("reviewer.tx@registry.example");
        await staff.GotoAsync(recordPath.Replace("/Verify/", "/Staff/Credentials?search="));
        var bennett = staff.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^TX-") }).First;
        await bennett.ClickAsync();
        await staff.GetByRole(AriaRole.Heading, new() { Name = "Specialty endorsements" }).WaitForAsync();
        var main = await staff.Locator("main").InnerTextAsync();
        Assert.Contains("Mental health (MH): active; granted", main);
        Assert.Contains("Endorsement granted (MH)", main);
        await staff.AssertAccessibleAsync();
    }
}

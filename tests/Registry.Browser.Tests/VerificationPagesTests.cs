using System.Text;
using Microsoft.Playwright;
using Registry.Infrastructure.Seeding;

namespace Registry.Browser.Tests;

[Collection(nameof(BrowserCollection))]
public sealed class VerificationPagesTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Anyone_finds_a_credential_by_name_and_state_opens_its_record_and_prints_it_with_a_qr_code()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Verify a credential" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Verify a peer specialist" }).WaitForAsync();
        await page.AssertAccessibleAsync();

        await page.GetByLabel("Last name").FillAsync("Bro");
        await page.GetByLabel("State", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Tennessee" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        var results = page.GetByRole(AriaRole.Table);
        await results.WaitForAsync();
        Assert.Contains("Morgan Brooks", await results.InnerTextAsync());
        await page.AssertAccessibleAsync();

        await results.GetByRole(AriaRole.Link).First.ClickAsync();
        await page.GetByText("Record last updated").WaitForAsync();
        Assert.Contains("Morgan Brooks", await page.Locator("main").InnerTextAsync());
        Assert.Contains("current certificate and wallet card carry edition code", await page.Locator("main").InnerTextAsync());
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Printable view" }).ClickAsync();
        var qr = page.GetByRole(AriaRole.Img, new() { NameRegex = new System.Text.RegularExpressions.Regex("QR code") });
        await qr.WaitForAsync();
        // The element can be in the page before its image has arrived: wait for the load (or the error) itself.
        var width = await qr.EvaluateAsync<int>("""
            img => img.complete ? img.naturalWidth : new Promise(resolve => {
                img.addEventListener('load', () => resolve(img.naturalWidth));
                img.addEventListener('error', () => resolve(0));
            })
            """);
        Assert.True(width > 0, "The QR code image did not load.");
        await page.AssertAccessibleAsync();

        await page.GotoAsync("/Verify?number=TN-CPRS-999999");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Page not found" }).WaitForAsync();

        // An organisation's registration form, refused empty with its errors listed.
        await page.GotoAsync("/Employers/Register");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).Last.ClickAsync();
        await page.GetByText("We could not register your organisation").WaitForAsync();
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task An_employer_makes_and_revokes_an_api_key_verifies_a_roster_and_watches_a_credential()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Verify?lastName=Brooks&state=TN");
        var number = (await page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link).First.InnerTextAsync()).Trim();

        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("E-mail address").FillAsync("hr@harborhouse.example");
        await page.GetByLabel("Password").FillAsync(DemoData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).Last.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Your organisation", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Harbor House Recovery Center" }).WaitForAsync();
        await page.AssertAccessibleAsync();

        // API keys: shown once, then listed by prefix only, and revocable.
        await page.GetByRole(AriaRole.Link, new() { Name = "API keys", Exact = true }).ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Browser test system");
        await page.GetByRole(AriaRole.Button, new() { Name = "Make key" }).ClickAsync();
        var key = (await page.Locator("#new-key").InnerTextAsync()).Trim();
        Assert.StartsWith("psr_", key);
        await page.AssertAccessibleAsync();
        await page.GotoAsync("/Employers/ApiKeys");
        Assert.DoesNotContain(key, await page.Locator("main").InnerTextAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke the key Browser test system" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke the key Browser test system" }).ClickAsync(); // on the confirmation page
        await page.GetByText("The key is revoked").WaitForAsync();
        await page.AssertAccessibleAsync();

        // Roster: upload, download the workbook, and add the match to the watch-list.
        await page.GotoAsync("/Employers/Roster");
        await page.AssertAccessibleAsync();
        await page.Locator("#File").SetInputFilesAsync(new FilePayload
            { Name = "staff.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes($"Credential number\n{number}\n") });
        await page.Locator("label[for=AddToWatchList]").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify roster" }).ClickAsync();
        var summary = page.GetByRole(AriaRole.Region, new() { Name = "Your roster staff.csv is checked" });
        var found = await summary.InnerTextAsync();
        Assert.Contains("Rows read", found);
        Assert.Contains("1 matched credential is on your watch-list", found);
        await page.AssertAccessibleAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => summary.GetByRole(AriaRole.Link, new() { Name = "Download the results (.xlsx)" }).ClickAsync());
        Assert.Equal("staff-verified.xlsx", download.SuggestedFilename);

        await page.GotoAsync("/Employers/WatchList");
        Assert.Contains(number, await page.GetByRole(AriaRole.Table).InnerTextAsync());
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Credential number").FillAsync("TN-CPRS-999999");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to watch-list" }).ClickAsync();
        await page.GetByText("No credential has the number TN-CPRS-999999").First.WaitForAsync();
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "recent changes" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Recent changes" }).WaitForAsync();
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task A_state_administrator_sees_the_employers_of_their_state()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("E-mail address").FillAsync("admin.tn@registry.example");
        await page.GetByLabel("Password").FillAsync(DemoData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).Last.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Employers", Exact = true }).ClickAsync();
        Assert.Contains("Harbor House Recovery Center", await page.GetByRole(AriaRole.Table).InnerTextAsync());
        await page.AssertAccessibleAsync();
    }
}

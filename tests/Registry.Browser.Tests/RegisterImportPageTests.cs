using System.Text;
using Microsoft.Playwright;
using Registry.Infrastructure.Seeding;

namespace Registry.Browser.Tests;

[Collection(nameof(BrowserCollection))]
public sealed class RegisterImportPageTests(BrowserFixture fixture)
{
    private const string Header = "Program,Credential number,Legal first name,Legal last name,Email,Status,Issued on,Expires on\n";
    private const string Good = "CPS,990001,Rowan,Importer,rowan.importer@example.org,Active,2024-03-01,2028-02-28\n";

    [Fact]
    public async Task A_state_administrator_reads_a_dry_run_report_then_imports_a_clean_file_accessibly_at_both_widths()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("E-mail address").FillAsync("admin.pa@registry.example");
        await page.GetByLabel("Password").FillAsync(DemoData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).Last.ClickAsync();

        await page.GotoAsync("/Staff/RegisterImport");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Import your state's register" }).WaitForAsync();
        await page.AssertAccessibleAtBothWidthsAsync();

        // One bad row: the report shows it first and there is nothing to import.
        await UploadAsync(page, Header + Good + "CPS,990002,Sky,Importer,sky.importer@example.org,Retired,2024-03-01,2028-02-28\n", "pennsylvania.csv");
        await page.GetByText("Needs correcting").First.WaitForAsync(new() { Timeout = 60_000 });
        Assert.Contains("'Retired' is not a status the registry has", await page.Locator("main").InnerTextAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { NameRegex = new("^Import th") }).CountAsync());
        await page.AssertAccessibleAtBothWidthsAsync();

        // The corrected file is clean, and is imported.
        await page.GotoAsync("/Staff/RegisterImport");
        await UploadAsync(page, Header + Good, "pennsylvania-corrected.csv");
        var import = page.GetByRole(AriaRole.Button, new() { Name = "Import this row" });
        await import.WaitForAsync(new() { Timeout = 60_000 });
        await page.AssertAccessibleAtBothWidthsAsync();
        await import.ClickAsync();
        await page.GetByText("The register was imported.").WaitForAsync(new() { Timeout = 60_000 });
        await page.AssertAccessibleAtBothWidthsAsync();
    }

    private static async Task UploadAsync(IPage page, string csv, string fileName)
    {
        await page.Locator("#File").SetInputFilesAsync( // USWDS restyles the file input around its label
            new FilePayload { Name = fileName, MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
    }
}

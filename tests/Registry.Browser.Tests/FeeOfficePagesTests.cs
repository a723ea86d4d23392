using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Registry.Domain.Fees;
using Registry.Domain.Jurisdictions;
using Registry.Infrastructure.Persistence;
using Registry.Infrastructure.Seeding;

namespace Registry.Browser.Tests;

/// <summary>
/// The board's fee pages: the state's fees, one fee with a cheque recorded on it, its receipt (printed at phone width),
/// the revenue page, and a SystemAdmin's state chooser and waiver form.
/// </summary>
[Collection(nameof(BrowserCollection))]
public sealed class FeeOfficePagesTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_state_admin_records_a_cheque_prints_its_receipt_and_finds_the_revenue_workbook()
    {
        var feeId = await OweAsync();
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("E-mail address").FillAsync("admin.tn@registry.example");
        await page.GetByLabel("Password").FillAsync(DemoData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).Last.ClickAsync();

        await page.GotoAsync("/Staff/Fees");
        Assert.Equal("Fees: TN", await page.Locator("h1").InnerTextAsync());
        await page.AssertAccessibleAtBothWidthsAsync();

        await page.GotoAsync($"/Staff/Fee/{feeId}");
        await page.AssertAccessibleAtBothWidthsAsync();
        await page.GetByLabel("Cheque or money order number").FillAsync("CHK-2044");
        await page.GetByLabel("Amount in dollars").FillAsync("60.00");
        await page.GetByLabel("Day received").FillAsync(fixture.DateInput(-1));
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the payment" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "the fee is paid" }).WaitForAsync();
        await page.AssertAccessibleAtBothWidthsAsync();

        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^TN-") }).ClickAsync();
        Assert.StartsWith("Receipt TN-", await page.Locator("h1").InnerTextAsync());
        await page.AssertAccessibleAtBothWidthsAsync();
        var pdf = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "download it as a PDF" }).ClickAsync());
        Assert.StartsWith("receipt-TN-", pdf.SuggestedFilename);
        await page.SetViewportSizeAsync(375, 800);
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.False(await page.Locator(".registry-header").IsVisibleAsync());
        Assert.False(await page.Locator(".registry-no-print").IsVisibleAsync());
        Assert.True(await page.GetByText("$60.00").First.IsVisibleAsync());
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 375);
        await page.AssertAccessibleAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        await page.SetViewportSizeAsync(1280, 800);

        await page.GotoAsync("/Staff/Revenue");
        Assert.Equal("Revenue workbook: TN", await page.Locator("h1").InnerTextAsync());
        await page.AssertAccessibleAtBothWidthsAsync();
    }

    [Fact]
    public async Task A_system_admin_chooses_a_state_and_waives_a_fee_after_the_field_errors()
    {
        var feeId = await OweAsync();
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("E-mail address").FillAsync("admin@registry.example");
        await page.GetByLabel("Password").FillAsync(DemoData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).Last.ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase));

        await page.GotoAsync("/Staff/Fees");
        await page.AssertAccessibleAtBothWidthsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Tennessee's fees" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Equal("Fees: TN", await page.Locator("h1").InnerTextAsync());

        await page.GotoAsync($"/Staff/Fee/{feeId}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Waive the fee" }).ClickAsync();
        await page.GetByRole(AriaRole.Alert).WaitForAsync();
        Assert.Contains("Choose the fund that pays for the waiver, or no fund.", await page.GetByRole(AriaRole.Alert).InnerTextAsync());
        await page.AssertAccessibleAtBothWidthsAsync();

        await page.GetByLabel("Fund that pays").SelectOptionAsync(new SelectOptionValue { Label = "No fund: the board waives it" });
        await page.GetByLabel("Reason (the person reads it)").FillAsync("Charged twice for one replacement.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Waive the fee" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "the person has been told" }).WaitForAsync();
        await page.AssertAccessibleAtBothWidthsAsync();
    }

    /// <summary>A $60.00 fee owed by a Tennessee person of the demo data, for no application.</summary>
    private async Task<Guid> OweAsync()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var tennessee = StateCode.Parse("TN");
        var program = await db.Programs.Where(p => p.StateCode == tennessee).OrderBy(p => p.Code).FirstAsync();
        var person = await db.Credentials.Where(c => c.StateCode == tennessee).Select(c => c.HolderPersonId).FirstAsync();
        var fee = Fee.Owe(tennessee, program.Id, person, new FeeQuote(FeeKind.ReplacementCertificate, 60m, FeeBasis.Standard), program.RequirementsVersion,
            fixture.Clock.GetUtcNow());
        db.Fees.Add(fee);
        await db.SaveChangesAsync();
        return fee.Id;
    }
}

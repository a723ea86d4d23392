using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Registry.Domain.Applications;
using Registry.Domain.Jurisdictions;
using Registry.Infrastructure.Persistence;
using Registry.Infrastructure.Seeding;

namespace Registry.Browser.Tests;

/// <summary>
/// Every page of the registry, as each demo person sees it, at 320 and 375 px (phones) and 1280 px: axe finds
/// nothing at 375 and 1280, and no page scrolls sideways on a phone. At 375 px the header folds its links behind
/// "Menu", which opens them, and chart text is at least 12 px as drawn.
/// </summary>
[Collection(nameof(BrowserCollection))]
public sealed partial class PhoneWidthTests(BrowserFixture fixture)
{
    private static readonly int[] Widths = [320, 375, 1280];

    [Fact]
    public async Task Public_pages_fit_a_phone()
    {
        var page = await fixture.NewPageAsync();
        var number = await AnyCredentialNumberAsync();
        await AssertFitAsync(page, "/", "/Verify", $"/Verify/{number}", $"/Verify/{number}/Print", "/Account/Login", "/Account/Register",
            "/Account/ForgotPassword", "/Account/ResendConfirmation", "/Employers/Register", "/Status/404", "/Status/429", "/OpenData", "/Programs/TX/PS");
        await AssertMenuOpensAsync(page);
    }

    [Fact]
    public async Task An_applicants_pages_fit_a_phone()
    {
        var page = await fixture.SignedInAsync("sam.patel@example.org");
        await page.GotoAsync("/Applications");
        var application = await FirstLinkAsync(page, ApplicationPath());
        await AssertFitAsync(page, "/Applications", application, $"{application}/Training", $"{application}/Work", $"{application}/Supervision",
            $"{application}/References", $"{application}/Attestations", $"{application}/AboutYou", "/Account/Profile", "/Account/WorkPulse", "/Credentials", "/MyRecord");
        await AssertMenuOpensAsync(page);
    }

    [Fact]
    public async Task A_credential_holders_pages_fit_a_phone()
    {
        var page = await fixture.SignedInAsync("drew.watson@example.org");
        await AssertFitAsync(page, "/Credentials", "/Applications", "/MyRecord", "/Account/Npi");

        // An active credential's page offers its certificate and wallet card, for the holder and for own-state staff.
        var holder = await fixture.SignedInAsync("morgan.brooks@example.org");
        await AssertFitAsync(holder, "/Credentials");
        var certificate = await holder.RunAndWaitForDownloadAsync(() =>
            holder.GetByRole(AriaRole.Link, new() { Name = "Download the certificate for", Exact = false }).First.ClickAsync());
        Assert.EndsWith(".pdf", certificate.SuggestedFilename);
        var staff = await fixture.SignedInAsync("reviewer.tn@registry.example");
        var credential = $"/Staff/Credentials/{await CredentialOfAsync("Brooks")}";
        await AssertFitAsync(staff, credential);
        Assert.Equal(1, await staff.GetByRole(AriaRole.Link, new() { Name = "Download the wallet card for", Exact = false }).CountAsync());

        // A credential that carries an endorsement (demo: Skyler Bennett's Texas MH).
        var texasStaff = await fixture.SignedInAsync("reviewer.tx@registry.example");
        await AssertFitAsync(texasStaff, $"/Staff/Credentials/{await CredentialOfAsync("Bennett")}");
        // Its holder's page offers the endorsement not yet carried.
        var endorsed = await fixture.SignedInAsync("skyler.bennett@example.org");
        await AssertFitAsync(endorsed, "/Credentials");
        Assert.Equal(1, await endorsed.GetByRole(AriaRole.Button, new() { Name = "Apply for this endorsement", Exact = false }).CountAsync());
    }

    private async Task<Guid> CredentialOfAsync(string lastName)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        return await db.Credentials.Where(c => db.People.Any(p => p.Id == c.HolderPersonId && p.LegalLastName == lastName)).Select(c => c.Id).FirstAsync();
    }

    [Fact]
    public async Task A_reviewers_pages_fit_a_phone()
    {
        var page = await fixture.SignedInAsync("reviewer.pa@registry.example");
        // Other classes decide the demo queue's applications; any Pennsylvania application has a review page.
        var review = $"/Staff/Applications/{await AnyApplicationAsync(StateCode.Parse("PA"))}";
        await page.GotoAsync("/Staff/Credentials");
        var credential = await FirstLinkAsync(page, StaffCredentialPath());
        await AssertFitAsync(page, "/Staff", review, "/Staff/Exams", "/Staff/Credentials", credential);
        await AssertMenuOpensAsync(page);
    }

    [Fact]
    public async Task A_state_administrators_pages_fit_a_phone()
    {
        var page = await fixture.SignedInAsync("admin.tn@registry.example");
        await page.GotoAsync("/Staff/Programs");
        var program = await FirstLinkAsync(page, ProgramPath());
        await AssertFitAsync(page, "/Staff/Programs", program, "/Staff/Team", "/Staff/Audit", "/Staff/Employers", "/Staff/UnmatchedCounties", "/Staff/Workforce", "/Staff/Dashboard");
        await AssertMenuOpensAsync(page);
        await AssertChartTextIsLegibleAsync(page);
    }

    [Fact]
    public async Task A_system_administrators_pages_fit_a_phone()
    {
        var page = await fixture.SignedInAsync("admin@registry.example");
        await AssertFitAsync(page, "/Staff/Outbox", "/Staff/Employers", "/Staff/UnmatchedCounties");
        await AssertMenuOpensAsync(page);
    }

    [Fact]
    public async Task An_employers_pages_fit_a_phone()
    {
        var page = await fixture.SignedInAsync("hr@harborhouse.example");
        await AssertFitAsync(page, "/Employers", "/Employers/WatchList", "/Employers/Roster", "/Employers/Changes", "/Employers/ApiKeys");
        await AssertMenuOpensAsync(page);
    }

    [Fact]
    public async Task An_analysts_pages_fit_a_phone()
    {
        var page = await fixture.SignedInAsync("analyst@registry.example");
        await AssertFitAsync(page, "/Staff/Workforce", "/Staff/Dashboard", "/Staff/Dashboard?State=TX");
        await AssertChartTextIsLegibleAsync(page);
    }

    /// <summary>Visits each page at every width and fails once, listing every page that scrolls sideways or that axe faults.</summary>
    private static async Task AssertFitAsync(IPage page, params string[] paths)
    {
        var failures = new List<string>();
        foreach (var path in paths)
        {
            await page.SetViewportSizeAsync(Widths[0], 800);
            var response = await page.GotoAsync(path);
            Assert.True(response!.Ok, $"{path} answered {response.Status}");
            foreach (var width in Widths)
            {
                await page.SetViewportSizeAsync(width, 800);
                if (width <= 390 && await WidestAsync(page) is { } widest)
                    failures.Add($"{path} at {width} px scrolls sideways: {widest}");
                if (width != 320)
                {
                    try { await page.AssertAccessibleAsync(); }
                    catch (Xunit.Sdk.XunitException e) { failures.Add($"{path} at {width} px: {e.Message}"); }
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>Null when the page fits its viewport; otherwise its width and the elements reaching furthest right.</summary>
    private static async Task<string?> WidestAsync(IPage page) => await page.EvaluateAsync<string?>("""
        () => {
            const width = window.innerWidth;
            if (document.documentElement.scrollWidth <= width) return null;
            const beyond = [...document.querySelectorAll('body *')]
                .map(element => ({ element, right: element.getBoundingClientRect().right }))
                .filter(e => e.right > width + 0.5)
                .sort((a, b) => b.right - a.right)
                .slice(0, 4)
                .map(e => e.element.tagName.toLowerCase() + (e.element.id ? '#' + e.element.id : '')
                    + (typeof e.element.className === 'string' && e.element.className.trim() ? '.' + e.element.className.trim().split(/\s+/).join('.') : '')
                    + ' (right edge ' + Math.round(e.right) + ' px)');
            return 'page ' + document.documentElement.scrollWidth + ' px wide; ' + beyond.join('; ');
        }
        """);

    /// <summary>At 375 px the links hide behind "Menu"; the button opens them and the close button folds them again.</summary>
    private static async Task AssertMenuOpensAsync(IPage page)
    {
        await page.SetViewportSizeAsync(375, 800);
        await page.GotoAsync("/");
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Primary" });
        var home = nav.GetByRole(AriaRole.Link, new() { Name = "Verify a credential" });
        Assert.False(await home.IsVisibleAsync());
        var menu = page.GetByRole(AriaRole.Button, new() { Name = "Menu" });
        Assert.True(await menu.IsVisibleAsync());
        await menu.ClickAsync();
        await home.WaitForAsync(new() { State = WaitForSelectorState.Visible });
        await page.AssertAccessibleAsync();
        await nav.GetByRole(AriaRole.Button, new() { Name = "Close the menu" }).ClickAsync();
        await home.WaitForAsync(new() { State = WaitForSelectorState.Hidden });
        await page.SetViewportSizeAsync(1280, 800);
        Assert.True(await home.IsVisibleAsync());
        Assert.False(await menu.IsVisibleAsync());
    }

    /// <summary>Every shown chart text on the dashboard at 375 px is at least 12 px, both as styled and as drawn once the SVG is scaled to fit.</summary>
    private static async Task AssertChartTextIsLegibleAsync(IPage page)
    {
        await page.SetViewportSizeAsync(375, 800);
        await page.GotoAsync("/Staff/Dashboard");
        var sizes = await page.EvaluateAsync<double[][]>("""
            () => [...document.querySelectorAll('svg text')]
                .filter(text => getComputedStyle(text).display !== 'none')
                .map(text => [parseFloat(getComputedStyle(text).fontSize), parseFloat(getComputedStyle(text).fontSize) * text.closest('svg').getScreenCTM().a])
            """);
        Assert.NotEmpty(sizes);
        Assert.All(sizes, size => Assert.True(size[0] >= 12 && size[1] >= 12,
            string.Create(CultureInfo.InvariantCulture, $"chart text is {size[0]} px styled and {size[1]:0.0} px drawn")));
    }

    private async Task<string> AnyCredentialNumberAsync()
    {
        var page = await fixture.SignedInAsync("reviewer.pa@registry.example");
        await page.GotoAsync("/Staff/Credentials");
        var number = CredentialNumber().Match(await page.ContentAsync());
        Assert.True(number.Success, "no credential number on the staff credentials page");
        await page.Context.CloseAsync();
        return number.Value;
    }

    private async Task<Guid> AnyApplicationAsync(StateCode state)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        return await db.Applications.Where(a => a.Status != ApplicationStatus.Draft && db.Programs.Any(p => p.Id == a.ProgramId && p.StateCode == state))
            .OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
    }

    private static async Task<string> FirstLinkAsync(IPage page, Regex path)
    {
        foreach (var href in await page.Locator("main a[href]").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))
            if (path.IsMatch(href)) return href;
        throw new Xunit.Sdk.XunitException($"no link like {path} on {page.Url}");
    }

    [GeneratedRegex(@"[A-Z]{2}-[A-Z]+-\d{6}")]
    private static partial Regex CredentialNumber();

    [GeneratedRegex(@"^/Applications/[0-9a-f-]{36}$")]
    private static partial Regex ApplicationPath();

    [GeneratedRegex(@"^/Staff/Credentials/[0-9a-f-]{36}$")]
    private static partial Regex StaffCredentialPath();

    [GeneratedRegex(@"^/Staff/Programs/[0-9a-f-]{36}$")]
    private static partial Regex ProgramPath();
}

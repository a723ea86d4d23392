using System.Globalization;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Registry.Infrastructure.Seeding;
using Registry.Testing;

namespace Registry.Browser.Tests;

/// <summary>
/// The registry as a person meets it: the embedded default (SQLite, demo data, Development) served on a
/// real loopback socket, driven by Debian's Chromium through Playwright.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private readonly int _port = RegistryFactory.FreeLoopbackPort();
    private readonly RegistryFactory _factory;
    private IPlaywright? _playwright;

    public BrowserFixture() =>
        // Every page here comes from one loopback address; the limits themselves are proven by the web tests (RateLimitTests).
        // E-mailed links start with the public address, so it is this server's own: a link opened in the browser comes here.
        _factory = new(TestDatabase.Sqlite("browser"), environment: "Development",
            settings: new Dictionary<string, string?>
            {
                ["Registry:PublicBaseUrl"] = $"http://127.0.0.1:{_port}",
                ["RateLimiting:Anonymous:PermitLimit"] = "100000",
                ["RateLimiting:SignIn:PermitLimit"] = "100000",
                ["RateLimiting:Registration:PermitLimit"] = "100000",
                ["RateLimiting:AccountMail:PermitLimit"] = "100000",
                ["RateLimiting:ConfirmationRequests:PermitLimit"] = "100000",
            });

    public Uri BaseAddress { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The host's services, for arranging what no page can (e.g. a message the relay kept refusing).</summary>
    public IServiceProvider Services => _factory.Services;

    /// <summary>The host's clock; no browser test moves it, so every page sees <see cref="TestClock.Start"/>.</summary>
    public TestClock Clock => _factory.Clock;

    /// <summary>The host's date (UTC, the same day as in every US state at <see cref="TestClock.Start"/>).</summary>
    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    /// <summary>A day counted from <see cref="Today"/>, as a date field takes it.</summary>
    public string DateInput(int daysFromToday = 0) => Today.AddDays(daysFromToday).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public async Task InitializeAsync()
    {
        BaseAddress = _factory.StartOnLoopback(_port);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("REGISTRY_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            // No network but loopback here: keep Chromium from reaching out on its own.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        await _factory.DisposeAsync();
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString(), Locale = "en-US" });
        return await context.NewPageAsync();
    }

    /// <summary>A new page signed in as a demo-password account, once the sign-in has led away from the login page.</summary>
    public async Task<IPage> SignedInAsync(string email)
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(DemoData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).Last.ClickAsync();
        // The login page is loaded already when the click returns: wait until the sign-in has led away from it.
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase));
        return page;
    }
}

[CollectionDefinition(nameof(BrowserCollection))]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>;

public static class Accessibility
{
    private static readonly AxeRunOptions WcagAA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
    };

    /// <summary>Runs axe on the page as it is now and fails on any violation, listing each with its elements.</summary>
    public static async Task AssertAccessibleAsync(this IPage page)
    {
        var result = await page.RunAxe(WcagAA);
        var violations = result.Violations
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help}\n    " + string.Join("\n    ", v.Nodes.Select(n => string.Join(" ", n.Target))))
            .ToList();
        Assert.True(violations.Count == 0, $"axe found {violations.Count} violation(s) on {page.Url}:\n" + string.Join("\n", violations));
        Assert.NotEmpty(result.Passes);
    }
}

using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Registry.Browser.Tests;

/// <summary>
/// A verifier's first question, answered first: the public record and its printout open with an alert whose colour and
/// words say the status (the demo holders: Morgan Brooks active, Jamie Ortiz suspended, Quinn Foster revoked, Drew Watson
/// expired and in grace), with the state's name and a public glossary of the statuses.
/// </summary>
[Collection(nameof(BrowserCollection))]
public sealed partial class VerdictPagesTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Each_public_record_and_its_printout_open_with_the_verdict_for_its_status()
    {
        var page = await fixture.NewPageAsync();
        var cases = new (string LastName, string State, string StateName, string Tone, string Heading)[]
        {
            ("Brooks", "TN", "Tennessee", "success", "Active — may practise"),
            ("Ortiz", "PA", "Pennsylvania", "error", $"Suspended since {fixture.Today.AddDays(-40):MMMM d, yyyy}"),
            ("Foster", "TX", "Texas", "error", $"Revoked on {fixture.Today.AddDays(-60):MMMM d, yyyy}"),
            ("Watson", "PA", "Pennsylvania", "warning", "Expired — in grace until "),
        };
        foreach (var (lastName, state, stateName, tone, heading) in cases)
        {
            await page.GotoAsync($"/Verify?lastName={lastName}&state={state}");
            var results = page.GetByRole(AriaRole.Table);
            Assert.Contains($"in {stateName}", await results.Locator("caption").InnerTextAsync());
            await results.GetByRole(AriaRole.Link).First.ClickAsync();
            var verdict = page.Locator(".registry-verdict");
            await verdict.WaitForAsync();

            await AssertVerdictAsync(page, tone, heading);
            // The verdict comes first: before the record's details.
            Assert.True(await page.EvaluateAsync<bool>("document.querySelector('.registry-verdict').compareDocumentPosition(document.querySelector('.registry-record')) === Node.DOCUMENT_POSITION_FOLLOWING"));
            Assert.Contains(stateName, await page.Locator(".registry-record").InnerTextAsync());
            Assert.DoesNotMatch(StateCodeAlone(), await page.Locator(".registry-record dd").Nth(3).InnerTextAsync());
            await page.AssertAccessibleAtBothWidthsAsync();

            await page.GetByRole(AriaRole.Link, new() { Name = "Printable view" }).ClickAsync();
            await page.Locator(".registry-printout").WaitForAsync();
            await AssertVerdictAsync(page, tone, heading);
            await page.EmulateMediaAsync(new() { Media = Media.Print });
            Assert.True(await page.Locator(".registry-verdict").IsVisibleAsync(), "The verdict does not print.");
            await page.EmulateMediaAsync(new() { Media = Media.Screen });
            await page.AssertAccessibleAtBothWidthsAsync();
        }

        await page.GotoAsync($"/Verify?lastName=Watson&state=PA");
        await page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link).First.ClickAsync();
        var expires = DateOnly.Parse(await page.Locator(".registry-record dt:text-is('Expires') + dd").InnerTextAsync(), System.Globalization.CultureInfo.GetCultureInfo("en-US"));
        var graceEnds = DateOnly.Parse(GraceDate().Match(await page.Locator(".registry-verdict h2").InnerTextAsync()).Groups[1].Value, System.Globalization.CultureInfo.GetCultureInfo("en-US"));
        Assert.True(expires < fixture.Today && graceEnds >= fixture.Today, $"Expired {expires}, in grace until {graceEnds}, today {fixture.Today}.");

        await page.GetByRole(AriaRole.Link, new() { Name = "What each status means" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "What a credential's status means" }).WaitForAsync();
        var glossary = await page.Locator("main dl").InnerTextAsync();
        foreach (var term in new[] { "Active", "On probation", "Suspended", "Expired, in grace period", "Lapsed", "Revoked", "Relinquished" })
            Assert.Contains(term, glossary);
        await page.AssertAccessibleAtBothWidthsAsync();
    }

    private static async Task AssertVerdictAsync(IPage page, string tone, string heading)
    {
        var verdict = page.Locator(".registry-verdict");
        Assert.Contains($"usa-alert--{tone}", await verdict.GetAttributeAsync("class"));
        Assert.StartsWith(heading, (await verdict.GetByRole(AriaRole.Heading).InnerTextAsync()).Trim());
    }

    [GeneratedRegex(@"^\s*[A-Z]{2}\s*$")]
    private static partial Regex StateCodeAlone();

    [GeneratedRegex(@"in grace until (\w+ \d{1,2}, \d{4})")]
    private static partial Regex GraceDate();
}

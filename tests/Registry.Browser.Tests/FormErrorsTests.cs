using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Registry.Infrastructure.Seeding;

namespace Registry.Browser.Tests;

/// <summary>
/// Forms say what is wrong field by field: the field's group, input and message are marked the USWDS way, the
/// input is described by its message, every link in the error summary moves focus to its field, and no
/// framework wording ("The value '' is invalid.") reaches the page.
/// </summary>
[Collection(nameof(BrowserCollection))]
public sealed partial class FormErrorsTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_verify_search_marks_its_missing_field_links_to_it_and_keeps_what_was_entered()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Verify");
        await page.GetByLabel("State", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Pennsylvania" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await page.GetByRole(AriaRole.Alert).WaitForAsync();

        await AssertFieldShowsErrorAsync(page, "lastName", "Enter the holder's last name");
        Assert.Equal("PA", await page.Locator("#state").InputValueAsync());
        await AssertSummaryLinksFocusTheirFieldsAsync(page, 1);
        await page.AssertAccessibleAtBothWidthsAsync();

        await page.GotoAsync("/Verify");
        await page.GetByLabel("Last name").FillAsync("Bro");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await page.GetByRole(AriaRole.Alert).WaitForAsync();
        await AssertFieldShowsErrorAsync(page, "state", "Choose a state.");
        Assert.Equal("Bro", await page.Locator("#lastName").InputValueAsync());
        await AssertSummaryLinksFocusTheirFieldsAsync(page, 1);

        await page.Locator("#number").FillAsync("not a number");
        await page.GetByRole(AriaRole.Button, new() { Name = "Look up" }).ClickAsync();
        await page.GetByRole(AriaRole.Alert).WaitForAsync();
        await AssertFieldShowsErrorAsync(page, "number", "Enter a credential number");
        Assert.Equal("not a number", await page.Locator("#number").InputValueAsync());
        await AssertSummaryLinksFocusTheirFieldsAsync(page, 1);
    }

    [Fact]
    public async Task Sign_in_and_registration_mark_each_missing_field()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).Last.ClickAsync();
        await page.GetByRole(AriaRole.Alert).WaitForAsync();
        await AssertFieldShowsErrorAsync(page, "Input_Email", null);
        await AssertFieldShowsErrorAsync(page, "Input_Password", null);
        await AssertSummaryLinksFocusTheirFieldsAsync(page, 2);
        await page.AssertAccessibleAtBothWidthsAsync();

        await page.GotoAsync("/Account/Register");
        await page.GetByLabel("Legal first name").FillAsync("Rowan");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await page.GetByRole(AriaRole.Alert).WaitForAsync();
        await AssertFieldShowsErrorAsync(page, "Input_LegalLastName", null);
        await AssertFieldShowsErrorAsync(page, "Input_Email", null);
        Assert.Equal("Rowan", await page.Locator("#Input_LegalFirstName").InputValueAsync());
        await AssertSummaryLinksFocusTheirFieldsAsync(page);
        await page.AssertAccessibleAtBothWidthsAsync();
    }

    [Fact]
    public async Task A_training_entry_marks_each_field_and_a_refused_submission_links_each_missing_requirement()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Account/Login?ReturnUrl=%2FApplications");
        await page.GetByLabel("E-mail address").FillAsync("alex.rivera@example.org");
        await page.GetByLabel("Password").FillAsync(DemoData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).Last.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Records for Certified Peer Recovery Specialist" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Training" }).WaitForAsync();
        var training = new Uri(page.Url).AbsolutePath;

        await page.GetByLabel("Course name").FillAsync("Foundations of peer support");
        await page.GetByLabel("Hours").FillAsync("lots");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add course" }).ClickAsync();
        await page.GetByRole(AriaRole.Alert).WaitForAsync();
        await AssertFieldShowsErrorAsync(page, "Input_Provider", null);
        await AssertFieldShowsErrorAsync(page, "Input_Hours", null);
        await AssertFieldShowsErrorAsync(page, "Input_CompletedOn", null);
        Assert.Equal("Foundations of peer support", await page.Locator("#Input_Course").InputValueAsync());
        await AssertSummaryLinksFocusTheirFieldsAsync(page, 3);
        await page.AssertAccessibleAtBothWidthsAsync();

        var overview = training[..training.LastIndexOf('/')];
        await page.GotoAsync(overview);
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit application" }).ClickAsync();
        var summary = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "not submitted" });
        await summary.WaitForAsync();
        var links = summary.GetByRole(AriaRole.Link);
        var hrefs = new List<string>();
        for (var i = 0; i < await links.CountAsync(); i++) hrefs.Add((await links.Nth(i).GetAttributeAsync("href"))!);
        Assert.True(hrefs.Count >= 3, $"Only {hrefs.Count} missing requirements were listed: {string.Join(", ", hrefs)}");
        Assert.All(hrefs, href => Assert.StartsWith(overview + "/", href));
        Assert.Contains(overview + "/Training", hrefs);
        Assert.Contains(overview + "/Attestations", hrefs);
        Assert.Contains("Training:", await summary.GetByRole(AriaRole.Link, new() { Name = "Training" }).First.InnerTextAsync());
        await page.AssertAccessibleAtBothWidthsAsync();
        await summary.GetByRole(AriaRole.Link).First.ClickAsync();
        await page.WaitForURLAsync(new Regex(Regex.Escape(overview) + "/\\w+$"));
    }

    /// <summary>The field's group, the field and its message, as USWDS marks them; the message is the one the field is described by.</summary>
    private static async Task AssertFieldShowsErrorAsync(IPage page, string id, string? message)
    {
        var state = await page.EvaluateAsync<string[]>("""
            id => {
                const field = document.getElementById(id);
                if (!field) return ['no field'];
                const group = field.closest('.usa-form-group');
                const described = (field.getAttribute('aria-describedby') || '').split(' ').filter(x => x).map(x => document.getElementById(x));
                const messages = described.filter(e => e && e.classList.contains('usa-error-message'));
                return [
                    String(!!group && group.classList.contains('usa-form-group--error')),
                    String(field.classList.contains('usa-input--error')),
                    String(field.getAttribute('aria-invalid')),
                    String(described.every(e => e !== null)),
                    String(messages.length === 1 && !!messages[0].id && group.contains(messages[0])),
                    messages.map(m => m.textContent.trim()).join(' '),
                ];
            }
            """, id);
        Assert.True(state.Length == 6, $"#{id}: {string.Join(", ", state)}");
        Assert.Equal(["true", "true", "true", "true", "true"], state[..5]);
        Assert.NotEmpty(state[5]);
        if (message is not null) Assert.Contains(message, state[5]);
        Assert.DoesNotContain("The value", await page.Locator("main").InnerTextAsync());
        Assert.DoesNotContain("is invalid", await page.Locator("main").InnerTextAsync());
    }

    /// <summary>Clicks every link in the error summary; each moves focus to the field its href names.</summary>
    private static async Task AssertSummaryLinksFocusTheirFieldsAsync(IPage page, int? expected = null)
    {
        var links = page.GetByRole(AriaRole.Alert).GetByRole(AriaRole.Link);
        var count = await links.CountAsync();
        Assert.True(expected is null ? count > 0 : count == expected, $"The summary has {count} links.");
        for (var i = 0; i < count; i++)
        {
            var href = (await links.Nth(i).GetAttributeAsync("href"))!;
            Assert.StartsWith("#", href);
            await links.Nth(i).ClickAsync();
            Assert.Equal(href[1..], await page.EvaluateAsync<string>("document.activeElement.id"));
        }
    }
}

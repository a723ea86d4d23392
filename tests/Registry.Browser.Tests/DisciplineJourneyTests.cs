using Microsoft.Playwright;
using Registry.Infrastructure.Seeding;

namespace Registry.Browser.Tests;

[Collection(nameof(BrowserCollection))]
public sealed class DisciplineJourneyTests(BrowserFixture fixture)
{
    private async Task<IPage> SignInAsync(string email)
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(DemoData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).Last.ClickAsync();
        return page;
    }

    [Fact]
    public async Task Staff_open_a_case_the_holder_responds_and_a_reprimand_is_recorded()
    {
        var admin = await SignInAsync("admin.tn@registry.example");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Credentials", Exact = true }).ClickAsync();
        await admin.GetByLabel("Credential number or holder's last name").FillAsync("Brooks");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Find" }).ClickAsync();
        await admin.AssertAccessibleAsync();
        await admin.Locator("tbody a").First.ClickAsync();
        await admin.AssertAccessibleAsync();
        await admin.GetByLabel("Notice to the holder").FillAsync("A client raised a concern about a missed appointment.");
        await admin.GetByLabel("Respond by").FillAsync(fixture.DateInput(14));
        await admin.GetByRole(AriaRole.Button, new() { Name = "Open case and send notice" }).ClickAsync();
        Assert.Contains("The case is open", await admin.GetByRole(AriaRole.Status).InnerTextAsync());
        await admin.AssertAccessibleAsync();

        var holder = await SignInAsync("morgan.brooks@example.org");
        await holder.GetByRole(AriaRole.Link, new() { Name = "Your credentials" }).ClickAsync();
        await holder.AssertAccessibleAsync();
        await holder.GetByLabel("Your response to the notice").FillAsync("I was in hospital that day and told my supervisor.");
        await holder.GetByRole(AriaRole.Button, new() { Name = "Send response" }).ClickAsync();
        Assert.Contains("Your response has been added", await holder.GetByRole(AriaRole.Status).InnerTextAsync());

        await admin.ReloadAsync();
        Assert.Contains("I was in hospital that day", await admin.Locator("main").InnerTextAsync());
        await admin.GetByLabel("Outcome").SelectOptionAsync("Reprimand");
        await admin.GetByLabel("Reasons for the decision (private)").FillAsync("Missed appointment without notice to the client.");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Record decision" }).ClickAsync();
        await admin.GetByRole(AriaRole.Heading, new() { Name = "Reprimand Morgan Brooks (credential", Exact = false }).WaitForAsync();
        await admin.AssertAccessibleAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        Assert.Contains("The decision is recorded", await admin.GetByRole(AriaRole.Status).InnerTextAsync());
        Assert.Contains("Reprimanded", await admin.GetByRole(AriaRole.Table).InnerTextAsync());
        await admin.AssertAccessibleAsync();

        // The notice and the decision were written as letters; both sides find them on their pages.
        var letters = admin.GetByRole(AriaRole.List, new() { Name = "Letters" });
        Assert.Contains("Notice of a case", await letters.InnerTextAsync());
        Assert.Contains("Decision in a case", await letters.InnerTextAsync());
        await admin.AssertAccessibleAtBothWidthsAsync();
        await holder.ReloadAsync();
        Assert.Contains("Decision in a case", await holder.GetByRole(AriaRole.List, new() { Name = "Letters about", Exact = false }).Last.InnerTextAsync());
        await holder.AssertAccessibleAtBothWidthsAsync();
        var download = await holder.APIRequest.GetAsync(await holder.GetByRole(AriaRole.Link, new() { Name = "Decision in a case", Exact = false }).Last.GetAttributeAsync("href") ?? "");
        Assert.Equal("application/pdf", download.Headers["content-type"]);
    }
}

using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Registry.Application.Common.Security;
using Registry.Domain.Credentials;
using Registry.Domain.Jurisdictions;
using Registry.Domain.People;
using Registry.Infrastructure.Identity;
using Registry.Infrastructure.Persistence;
using Registry.Infrastructure.Seeding;

namespace Registry.Browser.Tests;

/// <summary>
/// Printed certificates by post in a real browser with axe at both widths: a Tennessee holder orders one (free there), the
/// reviewer records it posted; a North Carolina holder's order leads to its $25 fee. The holders are made here.
/// </summary>
[Collection(nameof(BrowserCollection))]
public sealed class PrintedCertificatePagesTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_holder_orders_a_printed_certificate_and_the_reviewer_records_it_posted()
    {
        var (email, number, name) = await HolderAsync("TN");
        var holder = await fixture.SignedInAsync(email);
        await VisitAsync(holder, "/Credentials/PrintedCertificates", "Printed certificates by post");
        await holder.GetByRole(AriaRole.Button, new() { Name = $"Order a printed certificate of {number}" }).ClickAsync();
        await holder.GetByRole(AriaRole.Status).Filter(new() { HasText = "is ordered" }).WaitForAsync();
        Assert.Contains("To be posted", await holder.Locator("main").InnerTextAsync());
        await holder.AssertAccessibleAtBothWidthsAsync();

        var reviewer = await fixture.SignedInAsync("reviewer.tn@registry.example");
        await VisitAsync(reviewer, "/Staff/CertificateOrders", "Printed certificates: TN");
        await reviewer.GetByRole(AriaRole.Button, new() { Name = $"Record as posted: {name}" }).ClickAsync();
        await reviewer.GetByRole(AriaRole.Status).Filter(new() { HasText = "Recorded as posted" }).WaitForAsync();
        await reviewer.AssertAccessibleAtBothWidthsAsync();
    }

    [Fact]
    public async Task An_order_where_the_board_charges_for_it_leads_to_its_fee()
    {
        var (email, number, _) = await HolderAsync("NC");
        var holder = await fixture.SignedInAsync(email);
        await VisitAsync(holder, "/Credentials/PrintedCertificates", "Printed certificates by post");
        Assert.Contains("The board charges $25.00 for a printed certificate.", await holder.Locator("main").InnerTextAsync());
        await holder.GetByRole(AriaRole.Button, new() { Name = $"Order a printed certificate of {number}" }).ClickAsync();
        await holder.WaitForURLAsync(url => url.Contains("/Fees/Fee/", StringComparison.Ordinal));
        Assert.Contains("$25.00", await holder.Locator("main").InnerTextAsync());
    }

    /// <summary>A person with an account, a mailing address and an active credential of the state's first program.</summary>
    private async Task<(string Email, string Number, string Name)> HolderAsync(string state)
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<RegistryUser>>();
        var code = StateCode.Parse(state);
        var program = await db.Programs.Where(p => p.StateCode == code).OrderBy(p => p.Code).FirstAsync();
        var email = $"kit.print.{unique}@example.org";
        var person = new Person("Kit", $"Print{unique}", email);
        var today = DateOnly.FromDateTime(fixture.Clock.GetUtcNow().UtcDateTime);
        person.UpdateContact(null, null, new PostalAddress("12 Elm Street", null, "Raleigh", "Wake", code, "27601"), today);
        var credential = Credential.Issue(program, person.Id, today.AddMonths(-2), Guid.Empty, fixture.Clock.GetUtcNow());
        db.People.Add(person);
        db.Credentials.Add(credential);
        await db.SaveChangesAsync();

        var user = new RegistryUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Kit Print", PersonId = person.Id };
        Assert.True((await users.CreateAsync(user, DemoData.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Applicant)).Succeeded);
        return (email, credential.Number.Value, $"Kit Print{unique}");
    }

    private static async Task VisitAsync(IPage page, string path, string heading)
    {
        var response = await page.GotoAsync(path);
        Assert.True(response!.Ok, $"{path} answered {response.Status}");
        Assert.Equal(heading, await page.Locator("h1").InnerTextAsync());
        await page.AssertAccessibleAtBothWidthsAsync();
    }
}

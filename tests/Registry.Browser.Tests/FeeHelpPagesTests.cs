using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Registry.Application.Common.Security;
using Registry.Domain.Fees;
using Registry.Domain.Jurisdictions;
using Registry.Domain.People;
using Registry.Infrastructure.Identity;
using Registry.Infrastructure.Persistence;
using Registry.Infrastructure.Seeding;

namespace Registry.Browser.Tests;

/// <summary>
/// The fee-help pages in a real browser with axe at both widths: a person's voucher, waiver and employer pages, the
/// state's funds and waiver requests, and an employer's invoices. The person and their fee are made here.
/// </summary>
[Collection(nameof(BrowserCollection))]
public sealed class FeeHelpPagesTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_person_asks_for_a_waiver_which_the_state_admin_finds_beside_the_funds_and_an_employer_reads_its_invoices()
    {
        var (email, feeId, name) = await ArrangeAsync();
        var person = await fixture.SignedInAsync(email);

        await VisitAsync(person, $"/Fees/Voucher/{feeId}", "Pay with a voucher");
        await VisitAsync(person, $"/Fees/Employer/{feeId}", "Ask your employer to pay");
        await VisitAsync(person, $"/Fees/Hardship/{feeId}", "Ask for the fee to be waived");
        await person.GetByLabel("Why paying the fee is hard for you now").FillAsync("I am between jobs this month.");
        await person.GetByRole(AriaRole.Button, new() { Name = "Send my request" }).ClickAsync();
        await person.WaitForLoadStateAsync(LoadState.Load);
        await person.AssertAccessibleAtBothWidthsAsync();

        var admin = await fixture.SignedInAsync("admin.tx@registry.example");
        await VisitAsync(admin, "/Staff/Funds", "Funds");
        Assert.Contains("PeerForce", await admin.Locator("main").InnerTextAsync());
        await VisitAsync(admin, "/Staff/Hardship", "Fee waiver requests");
        Assert.Contains(name, await admin.Locator("main").InnerTextAsync());

        var employer = await fixture.SignedInAsync("hr@harborhouse.example");
        await VisitAsync(employer, "/Employers/Invoices", "Invoices");
    }

    /// <summary>A Texas person with an account who owes the $60.00 first-application fee, for no application.</summary>
    private async Task<(string Email, Guid FeeId, string Name)> ArrangeAsync()
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<RegistryUser>>();
        var program = await db.Programs.AsNoTracking().SingleAsync(p => p.StateCode == StateCode.Parse("TX") && p.Code == "PS");
        var email = $"sam.help.{unique}@example.org";
        var person = new Person("Sam", $"Help{unique}", email);
        var fee = Fee.Owe(program.StateCode, program.Id, person.Id, program.Requirements.QuoteFee(FeeKind.InitialApplication, false, false),
            program.RequirementsVersion, fixture.Clock.GetUtcNow());
        db.People.Add(person);
        db.Fees.Add(fee);
        await db.SaveChangesAsync();

        var user = new RegistryUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Sam Help", PersonId = person.Id };
        Assert.True((await users.CreateAsync(user, DemoData.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Applicant)).Succeeded);
        return (email, fee.Id, $"Sam Help{unique}");
    }

    private static async Task VisitAsync(IPage page, string path, string heading)
    {
        var response = await page.GotoAsync(path);
        Assert.True(response!.Ok, $"{path} answered {response.Status}");
        Assert.Equal(heading, await page.Locator("h1").InnerTextAsync());
        await page.AssertAccessibleAtBothWidthsAsync();
    }
}

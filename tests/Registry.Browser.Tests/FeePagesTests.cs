using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Registry.Application.Common.Security;
using Registry.Domain.Applications;
using Registry.Domain.Eligibility;
using Registry.Domain.Fees;
using Registry.Domain.People;
using Registry.Infrastructure.Identity;
using Registry.Infrastructure.Persistence;
using Registry.Infrastructure.Seeding;

namespace Registry.Browser.Tests;

/// <summary>
/// A person's fees, one fee with the ways to pay, the application waiting for its fee, the public fees and the staff
/// fee schedule, in a real browser with axe (the person's fee pages and the public fees table at the phone width too). The applicant and their fee are made here, so the demo data stays as it was.
/// </summary>
[Collection(nameof(BrowserCollection))]
public sealed class FeePagesTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_person_reads_what_they_owe_and_the_ways_to_pay_and_a_state_admin_reads_the_fee_schedule()
    {
        var (email, applicationId, feeId, programId) = await ArrangeAsync();
        var page = await fixture.SignedInAsync(email);

        await Visit(page, "/Fees", bothWidths: true);
        Assert.Contains("$60.00", await page.GetByRole(AriaRole.Table).InnerTextAsync());
        await page.GetByRole(AriaRole.Link, new() { Name = "First application" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.EndsWith($"/Fees/Fee/{feeId}", page.Url);
        var fee = await page.Locator("main").InnerTextAsync();
        Assert.Contains("$35.00", fee); // still to pay after a $25.00 cheque
        Assert.Contains("1005 Congress Avenue, Austin, TX 78701", fee);
        Assert.Equal(1, await page.GetByRole(AriaRole.Button, new() { Name = "Pay online" }).CountAsync());
        await page.AssertAccessibleAtBothWidthsAsync();

        await Visit(page, $"/Applications/{applicationId}");
        Assert.Contains("Your application is waiting for its fee", await page.Locator("#status-alert").InnerTextAsync());

        await Visit(page, "/Programs/TX/PS", bothWidths: true);
        Assert.Contains("$20.00", await page.GetByRole(AriaRole.Table, new() { Name = "Fees of Peer Specialist, in US dollars" }).InnerTextAsync());

        var admin = await fixture.SignedInAsync("admin.tx@registry.example");
        await Visit(admin, $"/Staff/Programs/{programId}");
        Assert.Equal("60.00", await admin.Locator("#Fees_0__Amount").InputValueAsync());
    }

    private async Task<(string Email, Guid ApplicationId, Guid FeeId, Guid ProgramId)> ArrangeAsync()
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        var now = fixture.Clock.GetUtcNow();
        var staff = Guid.NewGuid();
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<RegistryUser>>();
        var program = await db.Programs.AsNoTracking().SingleAsync(p => p.StateCode == Registry.Domain.Jurisdictions.StateCode.Parse("TX") && p.Code == "PS");

        var email = $"pat.fee.{unique}@example.org";
        var person = new Person("Pat", "Fee", email);
        var application = CertificationApplication.Start(person.Id, program.Id, ApplicationType.Initial, staff, now.AddDays(-3));
        application.Submit(staff, now.AddDays(-2), EligibilityResult.NothingRequired);
        application.AwaitFee();
        var fee = Fee.Owe(program.StateCode, program.Id, person.Id, program.Requirements.QuoteFee(FeeKind.InitialApplication, false, false),
            program.RequirementsVersion, now.AddDays(-2), application.Id);
        fee.RecordPayment(25m, PaymentMethod.Cheque, Payer.Person, "1042", fixture.Today.AddDays(-1), now.AddDays(-1), staff);
        db.People.Add(person);
        db.Applications.Add(application);
        db.Fees.Add(fee);
        await db.SaveChangesAsync();

        var user = new RegistryUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Pat Fee", PersonId = person.Id };
        Assert.True((await users.CreateAsync(user, DemoData.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Applicant)).Succeeded);
        return (email, application.Id, fee.Id, program.Id);
    }

    /// <summary>Opens the page and checks it with axe: at the desktop width, or also at the phone width (without sideways scrolling).</summary>
    private static async Task Visit(IPage page, string path, bool bothWidths = false)
    {
        var response = await page.GotoAsync(path);
        Assert.True(response!.Ok, $"{path} answered {response.Status}");
        if (bothWidths) await page.AssertAccessibleAtBothWidthsAsync();
        else await page.AssertAccessibleAsync();
    }
}

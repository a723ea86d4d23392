using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Registry.Application.Common.Security;
using Registry.Domain.Fees;
using Registry.Infrastructure.Identity;
using Registry.Infrastructure.Persistence;
using Registry.Infrastructure.Seeding;
using Registry.Testing;

namespace Registry.Browser.Tests;

/// <summary>The online payment pages: "pay online" (not offered on the demo host, so it says how else to pay) and the return page.</summary>
[Collection(nameof(BrowserCollection))]
public sealed class PaymentPagesTests(BrowserFixture fixture)
{
    private const string Email = "riley.payton@example.org";

    [Fact]
    public async Task The_pay_page_says_how_else_to_pay_and_the_return_page_shows_the_fee_as_recorded()
    {
        var (feeId, checkoutId) = await ArrangeAsync();
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("E-mail address").FillAsync(Email);
        await page.GetByLabel("Password").FillAsync(DemoData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).Last.ClickAsync();

        await page.GotoAsync($"/Fees/Pay/{feeId}");
        Assert.Contains("Online payment is not offered here", await page.Locator("main").InnerTextAsync());
        await page.AssertAccessibleAtBothWidthsAsync();

        await page.GotoAsync($"/Fees/Paid/{checkoutId}");
        Assert.Equal("Thank you", await page.Locator("h1").InnerTextAsync());
        Assert.Equal("To pay", await page.Locator("#fee-status").InnerTextAsync());
        await page.AssertAccessibleAtBothWidthsAsync();
    }

    /// <summary>A person of their own with a $60 Tennessee fee and a checkout opened for it (as if the provider were configured).</summary>
    private async Task<(Guid FeeId, Guid CheckoutId)> ArrangeAsync()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var program = await db.Programs.FirstAsync(p => p.StateCode == Domain.Jurisdictions.StateCode.Parse("TN"));
        var person = TestData.Person("Riley", "Payton");
        var now = fixture.Clock.GetUtcNow();
        var fee = Fee.Owe(program.StateCode, program.Id, person.Id, new FeeQuote(FeeKind.InitialApplication, 60m, FeeBasis.Standard), program.RequirementsVersion, now);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<RegistryUser>>();
        var user = new RegistryUser { UserName = Email, Email = Email, EmailConfirmed = true, DisplayName = "Riley Payton", PersonId = person.Id };
        Assert.True((await users.CreateAsync(user, DemoData.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Applicant)).Succeeded);
        var checkout = new PaymentCheckout(fee, "stripe", $"cs_test_browser_{Guid.NewGuid():N}", "https://checkout.stripe.test/c/pay/browser", user.Id, now);
        db.AddRange(person, fee, checkout);
        await db.SaveChangesAsync();
        return (fee.Id, checkout.Id);
    }
}

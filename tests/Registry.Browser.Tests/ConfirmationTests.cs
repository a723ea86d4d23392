using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Registry.Application.Common.Security;
using Registry.Domain.Applications;
using Registry.Domain.Credentials;
using Registry.Domain.Eligibility;
using Registry.Domain.People;
using Registry.Infrastructure.Identity;
using Registry.Infrastructure.Persistence;
using Registry.Infrastructure.Seeding;

namespace Registry.Browser.Tests;

/// <summary>
/// Each action that cannot be undone, clicked as people click it: the button leads to a confirmation page
/// that names who or what is concerned and what cannot be undone (axe at 1280 and 375 px, no sideways
/// scroll), going back changes nothing, and only the confirmation's own button acts. The people and records
/// are made here, so the demo data other classes use stays as it was.
/// </summary>
[Collection(nameof(BrowserCollection))]
public sealed class ConfirmationTests(BrowserFixture fixture)
{
    [Fact]
    public async Task An_applicant_confirms_removing_a_record_withdrawing_and_relinquishing()
    {
        var world = await ArrangeAsync();
        var page = await fixture.SignedInAsync(world.ApplicantEmail);

        // Remove a record.
        await page.GotoAsync($"/Applications/{world.DraftId}/Training");
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove Confirmation course" }).ClickAsync();
        await ConfirmationAsync(page, "Remove the course Confirmation course?", "no longer counts toward what the program asks for");
        await GoBackAsync(page);
        Assert.Contains("Confirmation course", await page.GetByRole(AriaRole.Table).InnerTextAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove Confirmation course" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove the entry" }).ClickAsync();
        Assert.Contains("The entry has been removed.", await page.GetByRole(AriaRole.Status).InnerTextAsync());
        Assert.DoesNotContain("Confirmation course", await page.Locator("main").InnerTextAsync());

        // Withdraw the application.
        await page.GotoAsync($"/Applications/{world.DraftId}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Withdraw this application" }).ClickAsync();
        await ConfirmationAsync(page, "Withdraw your application for Certified Peer Specialist?", "cannot be reopened");
        await GoBackAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Withdraw this application" }).ClickAsync();
        await ConfirmedAsync(page, "Withdraw your application for Certified Peer Specialist?", "Withdraw this application");
        Assert.Contains("Your application has been withdrawn.", await page.GetByRole(AriaRole.Status).InnerTextAsync());

        // Relinquish the credential: in a section of its own, not beside "Renew".
        await page.GotoAsync("/Credentials");
        var relinquish = page.GetByRole(AriaRole.Region, new() { Name = $"Relinquish credential {world.CredentialNumber}" });
        Assert.Contains("cannot be renewed or reinstated", await relinquish.InnerTextAsync());
        await relinquish.GetByRole(AriaRole.Button).ClickAsync();
        await ConfirmationAsync(page, $"Relinquish credential {world.CredentialNumber}?", "Certified Peer Recovery Specialist", "cannot be renewed or reinstated");
        await GoBackAsync(page);
        await relinquish.GetByRole(AriaRole.Button).ClickAsync();
        await ConfirmedAsync(page, $"Relinquish credential {world.CredentialNumber}?", $"Relinquish credential {world.CredentialNumber}");
        Assert.Contains("Your credential is relinquished.", await page.GetByRole(AriaRole.Status).InnerTextAsync());
        Assert.Equal(0, await relinquish.CountAsync());
    }

    [Fact]
    public async Task An_employer_confirms_revoking_a_key()
    {
        var page = await fixture.SignedInAsync("hr@harborhouse.example");
        await page.GotoAsync("/Employers/ApiKeys");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Confirmation test key");
        await page.GetByRole(AriaRole.Button, new() { Name = "Make key" }).ClickAsync();

        var revoke = page.GetByRole(AriaRole.Button, new() { Name = "Revoke the key Confirmation test key" });
        await revoke.ClickAsync();
        await ConfirmationAsync(page, "Revoke the API key \"Confirmation test key\"?", "stops working at once");
        await GoBackAsync(page);
        Assert.Contains("In use", await page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Confirmation test key" }).InnerTextAsync());
        await revoke.ClickAsync();
        await ConfirmedAsync(page, "Revoke the API key \"Confirmation test key\"?", "Revoke the key Confirmation test key");
        Assert.Contains("The key is revoked", await page.GetByRole(AriaRole.Status).InnerTextAsync());
        Assert.Contains("Revoked", await page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Confirmation test key" }).InnerTextAsync());
    }

    [Fact]
    public async Task A_state_administrator_confirms_disabling_a_reviewer_and_a_revocation()
    {
        var world = await ArrangeAsync();
        var page = await fixture.SignedInAsync("admin.tn@registry.example");

        // Disable a reviewer's account.
        await page.GotoAsync("/Staff/Team");
        var disable = page.GetByRole(AriaRole.Button, new() { Name = $"Disable {world.ReviewerName}" });
        await disable.ClickAsync();
        await ConfirmationAsync(page, $"Disable {world.ReviewerName}'s account?", world.ReviewerEmail, "signed out everywhere");
        await GoBackAsync(page);
        Assert.Contains("Active", await page.GetByRole(AriaRole.Row).Filter(new() { HasText = world.ReviewerEmail }).InnerTextAsync());
        await disable.ClickAsync();
        await ConfirmedAsync(page, $"Disable {world.ReviewerName}'s account?", $"Disable {world.ReviewerName}");
        Assert.Contains("The reviewer is disabled", await page.GetByRole(AriaRole.Status).InnerTextAsync());

        // Decide the open discipline case: revocation.
        await page.GotoAsync($"/Staff/Credentials/{world.CaseCredentialId}");
        await DecideRevocationAsync(page);
        await ConfirmationAsync(page, $"Revoke credential {world.CaseCredentialNumber} (Dale Confirmation)?", "can never be reinstated", "Falsified supervision logs.");
        await GoBackAsync(page);
        Assert.Equal(CredentialStatus.Active, await CredentialStatusAsync(world.CaseCredentialId));
        await DecideRevocationAsync(page);
        await ConfirmedAsync(page, $"Revoke credential {world.CaseCredentialNumber} (Dale Confirmation)?", "Record the decision");
        Assert.Contains("The decision is recorded", await page.GetByRole(AriaRole.Status).InnerTextAsync());
        Assert.Contains("Revoked", await page.Locator("main").InnerTextAsync());
    }

    [Fact]
    public async Task A_reviewer_confirms_a_denial_with_its_reason()
    {
        var world = await ArrangeAsync();
        var page = await fixture.SignedInAsync("reviewer.tx@registry.example");
        await page.GotoAsync($"/Staff/Applications/{world.UnderReviewId}");

        await page.GetByRole(AriaRole.Button, new() { Name = "Deny", Exact = true }).ClickAsync();
        Assert.Contains("Give the reason for the denial.", await page.GetByRole(AriaRole.Alert).InnerTextAsync()); // refused before any confirmation

        await page.GetByLabel("Reason the applicant will read").FillAsync("The training provider is not approved in Texas.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Deny", Exact = true }).ClickAsync();
        await ConfirmationAsync(page, "Deny Jo Confirmation's application?", "The training provider is not approved in Texas.", "You cannot take a denial back");
        await GoBackAsync(page);
        Assert.Equal(ApplicationStatus.UnderReview, await ApplicationStatusAsync(world.UnderReviewId));
        await page.GetByLabel("Reason the applicant will read").FillAsync("The training provider is not approved in Texas.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Deny", Exact = true }).ClickAsync();
        await ConfirmedAsync(page, "Deny Jo Confirmation's application?", "Deny the application");
        Assert.Contains("The application is denied.", await page.GetByRole(AriaRole.Status).InnerTextAsync());
    }

    private static async Task DecideRevocationAsync(IPage page)
    {
        await page.GetByLabel("Outcome").SelectOptionAsync(nameof(DisciplineOutcome.Revocation));
        await page.GetByLabel("Reasons for the decision (private)").FillAsync("Falsified supervision logs.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record decision" }).ClickAsync();
    }

    /// <summary>The confirmation page: its own title and heading, its words, accessible at both widths.</summary>
    private static async Task ConfirmationAsync(IPage page, string heading, params string[] words)
    {
        await page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1, Exact = true }).WaitForAsync();
        Assert.Equal($"{heading} | Peer Specialist Registry", await page.TitleAsync());
        var main = await page.Locator("main").InnerTextAsync();
        Assert.Contains("This cannot be undone", main);
        foreach (var said in words) Assert.Contains(said, main);
        Assert.Contains("usa-button--secondary", await page.Locator("main form button[type=submit]").GetAttributeAsync("class"));

        await page.AssertAccessibleAsync();
        await page.SetViewportSizeAsync(375, 800);
        await page.AssertAccessibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"{page.Url} scrolls sideways at 375 px.");
        await page.SetViewportSizeAsync(1280, 800);
    }

    /// <summary>Leaves the confirmation by its plain link, back to the page the person came from.</summary>
    private static async Task GoBackAsync(IPage page)
    {
        var back = page.GetByRole(AriaRole.Link, new() { Name = "Go back without changing anything" });
        var href = await back.GetAttributeAsync("href");
        await back.ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).PathAndQuery == href);
        Assert.Equal(0, await page.GetByText("This cannot be undone").CountAsync());
    }

    /// <summary>On the confirmation page (waited for, as its button may share the name of the one that led there), confirms.</summary>
    private static async Task ConfirmedAsync(IPage page, string heading, string button)
    {
        await page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1, Exact = true }).WaitForAsync();
        await page.Locator("main form").GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
    }

    private async Task<ApplicationStatus> ApplicationStatusAsync(Guid applicationId)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Applications.Where(a => a.Id == applicationId).Select(a => a.Status).SingleAsync();
    }

    private async Task<CredentialStatus> CredentialStatusAsync(Guid credentialId)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Credentials.Where(c => c.Id == credentialId).Select(c => c.Status).SingleAsync();
    }

    private sealed record World(string ApplicantEmail, Guid DraftId, string CredentialNumber, string ReviewerName, string ReviewerEmail,
        Guid CaseCredentialId, string CaseCredentialNumber, Guid UnderReviewId);

    /// <summary>
    /// People of this test alone: an applicant with a draft (one course) and an active credential, a Tennessee
    /// reviewer, a credential with an open case, and a Texas application under review.
    /// </summary>
    private async Task<World> ArrangeAsync()
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        var now = fixture.Clock.GetUtcNow();
        var today = fixture.Today;
        var staff = Guid.NewGuid();
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<RegistryUser>>();
        var programs = await db.Jurisdictions.Include(j => j.Programs).SelectMany(j => j.Programs).ToListAsync();
        // The demo programs by their codes: other browser tests create programs in the same states.
        var (tn, pa, tx) = (programs.Single(p => p.StateCode.Value == "TN" && p.Code == "CPRS"), programs.Single(p => p.StateCode.Value == "PA" && p.Code == "CPS"),
            programs.Single(p => p.StateCode.Value == "TX" && p.Code == "PS"));

        var applicantEmail = $"sam.confirmation.{unique}@example.org";
        var applicant = new Person("Sam", "Confirmation", applicantEmail);
        var draft = CertificationApplication.Start(applicant.Id, pa.Id, ApplicationType.Initial, staff, now.AddDays(-3));
        draft.AddTrainingRecord(pa.Requirements, "Confirmation course", "State Peer Training Institute", null, 4, today.AddDays(-20), null, new RecordDates(today, new DateOnly(1990, 5, 1)));
        var credential = Credential.Issue(tn, applicant.Id, today.AddMonths(-4), staff, now);

        var holder = new Person("Dale", "Confirmation", $"dale.confirmation.{unique}@example.org");
        var caseCredential = Credential.Issue(tn, holder.Id, today.AddMonths(-8), staff, now);
        var openCase = DisciplineCase.Open(caseCredential, "A concern about supervision records.", today.AddDays(14), today, staff, now);

        var texan = new Person("Jo", "Confirmation", $"jo.confirmation.{unique}@example.org");
        var underReview = CertificationApplication.Start(texan.Id, tx.Id, ApplicationType.Initial, staff, now.AddDays(-10));
        underReview.Submit(staff, now.AddDays(-9), EligibilityResult.NothingRequired);
        underReview.BeginReview(staff, now.AddDays(-8));

        db.People.AddRange(applicant, holder, texan);
        db.Applications.AddRange(draft, underReview);
        db.Credentials.AddRange(credential, caseCredential);
        db.DisciplineCases.Add(openCase);
        await db.SaveChangesAsync();

        var reviewerEmail = $"reviewer.{unique}@registry.example";
        var reviewerName = $"Robin Okafor {unique}";
        await AccountAsync(users, applicantEmail, "Sam Confirmation", Roles.Applicant, personId: applicant.Id);
        await AccountAsync(users, reviewerEmail, reviewerName, Roles.Reviewer, state: "TN");
        return new World(applicantEmail, draft.Id, credential.Number.Value, reviewerName, reviewerEmail, caseCredential.Id, caseCredential.Number.Value, underReview.Id);
    }

    private static async Task AccountAsync(UserManager<RegistryUser> users, string email, string name, string role, string? state = null, Guid? personId = null)
    {
        var user = new RegistryUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, StateCode = state, PersonId = personId };
        Assert.True((await users.CreateAsync(user, DemoData.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
    }
}

using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Features.Discipline;
using Registry.Domain.Common;
using Registry.Domain.Credentials;
using Registry.Domain.People;
using Registry.Testing;

namespace Registry.Application.Tests.Features.Discipline;

public sealed class DisciplineTests(SliceFixture fixture) : SliceTest(fixture)
{
    private static readonly DateOnly InTwoWeeks = TestClock.StartDay.AddDays(14);

    private async Task<(Credential Credential, Person Holder)> HolderAsync()
    {
        var state = TestData.State("TN", "Tennessee", "CPRS");
        var holder = TestData.Person("Quinn", "Holder");
        var credential = Credential.Issue(state.Programs[0], holder.Id, TestClock.StartDay.AddMonths(-6), Guid.NewGuid(), Now);
        await Fixture.InsertAsync(state, holder, credential);
        return (credential, holder);
    }

    private Task<Guid> OpenAsync(Guid credentialId) => Fixture.SendAsync(new OpenDisciplineCase.Command
        { CredentialId = credentialId, Notice = "A complaint says supervision logs were signed by someone else.", ResponseDueOn = InTwoWeeks }, TestUsers.Reviewer("TN"));

    private Task<Credential> ReloadAsync(Guid id) => Fixture.QueryAsync(db => db.Credentials.Include(c => c.History).AsNoTracking().SingleAsync(c => c.Id == id));

    [Fact]
    public async Task Opening_a_case_notifies_the_holder_and_is_a_private_step_in_the_history()
    {
        var (credential, holder) = await HolderAsync();

        await OpenAsync(credential.Id);

        var saved = await ReloadAsync(credential.Id);
        var step = saved.History[^1];
        Assert.Equal((CredentialEventKind.CaseOpened, CredentialStatus.Active, false), (step.Kind, saved.Status, step.IsPublicAction));
        var notice = await Fixture.QueryAsync(db => db.Notifications.SingleAsync());
        Assert.Equal(holder.Email, notice.RecipientEmail);
        Assert.Contains("signed by someone else", notice.Rendered().Text);
        Assert.Contains(InTwoWeeks.ToString("MMMM d, yyyy"), notice.Rendered().Text);
        Assert.True(await Fixture.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "OpenDisciplineCase" && a.EntityType == nameof(DisciplineCase) && a.StateCode == "TN")));
    }

    [Fact]
    public async Task Only_staff_of_the_credentials_state_open_cases()
    {
        var (credential, holder) = await HolderAsync();
        var command = new OpenDisciplineCase.Command { CredentialId = credential.Id, Notice = "Notice.", ResponseDueOn = InTwoWeeks };

        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.SendAsync(command, TestUsers.Reviewer("PA")));
        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.SendAsync(command, TestUsers.Applicant(holder.Id)));
        Assert.Equal(0, await Fixture.CountAsync<DisciplineCase>());
    }

    [Fact]
    public async Task The_holder_responds_then_a_suspension_is_public_and_reinstatement_restores_the_credential()
    {
        var (credential, holder) = await HolderAsync();
        var caseId = await OpenAsync(credential.Id);

        await Fixture.SendAsync(new RespondToDisciplineCase.Command(credential.Id, caseId, "SENTINEL-my-private-response"), TestUsers.Applicant(holder.Id));
        await Fixture.SendAsync(new DecideDisciplineCase.Command
            { CredentialId = credential.Id, CaseId = caseId, Outcome = DisciplineOutcome.Suspension, Notes = "Logs were not genuine.", AppealDays = 30 }, TestUsers.StateAdmin("TN"));

        var suspended = await ReloadAsync(credential.Id);
        Assert.Equal(CredentialStatus.Suspended, suspended.Status);
        Assert.Equal([CredentialEventKind.Issued, CredentialEventKind.CaseOpened, CredentialEventKind.ResponseReceived, CredentialEventKind.Suspended],
            suspended.History.Select(e => e.Kind));
        Assert.Equal([CredentialEventKind.Suspended], suspended.History.Where(e => e.IsPublicAction).Select(e => e.Kind));
        var decided = await Fixture.QueryAsync(db => db.DisciplineCases.SingleAsync());
        Assert.Equal(TestClock.StartDay.AddDays(30), decided.AppealUntil);
        await Assert.ThrowsAsync<DomainRuleException>(() =>
            Fixture.SendAsync(new RespondToDisciplineCase.Command(credential.Id, caseId, "Too late."), TestUsers.Applicant(holder.Id)));

        await Fixture.SendAsync(new ReinstateCredential.Command(credential.Id, "Supervision re-done."), TestUsers.Reviewer("TN"));

        Assert.Equal(CredentialStatus.Active, (await ReloadAsync(credential.Id)).Status);
        // Every step happens at the test clock's one instant, so the mails have no order to compare: one of each.
        var subjects = await Fixture.QueryAsync(db => db.Notifications.Select(n => n.Template).ToListAsync());
        Assert.Equal(["credential-reinstated", "discipline-decision", "discipline-notice", "discipline-response"], subjects.Order());
    }

    [Fact]
    public async Task A_reprimand_leaves_the_status_but_is_a_public_action()
    {
        var (credential, _) = await HolderAsync();
        var caseId = await OpenAsync(credential.Id);

        await Fixture.SendAsync(new DecideDisciplineCase.Command
            { CredentialId = credential.Id, CaseId = caseId, Outcome = DisciplineOutcome.Reprimand, Notes = "Late supervision reports." }, TestUsers.Reviewer("TN"));

        var saved = await ReloadAsync(credential.Id);
        Assert.Equal(CredentialStatus.Active, saved.Status);
        Assert.True(saved.History[^1] is { Kind: CredentialEventKind.Reprimanded, IsPublicAction: true });
    }

    [Fact]
    public async Task Probation_needs_conditions_and_an_end_and_revocation_is_final()
    {
        var (credential, _) = await HolderAsync();
        var caseId = await OpenAsync(credential.Id);

        await Assert.ThrowsAsync<FluentValidation.ValidationException>(() => Fixture.SendAsync(new DecideDisciplineCase.Command
            { CredentialId = credential.Id, CaseId = caseId, Outcome = DisciplineOutcome.Probation, Notes = "Boundaries." }, TestUsers.Reviewer("TN")));
        await Fixture.SendAsync(new DecideDisciplineCase.Command
            { CredentialId = credential.Id, CaseId = caseId, Outcome = DisciplineOutcome.Revocation, Notes = "Falsified records." }, TestUsers.StateAdmin("TN"));

        Assert.Equal(CredentialStatus.Revoked, (await ReloadAsync(credential.Id)).Status);
        await Assert.ThrowsAsync<DomainRuleException>(() => OpenAsync(credential.Id));
        await Assert.ThrowsAsync<DomainRuleException>(() => Fixture.SendAsync(new ReinstateCredential.Command(credential.Id, null), TestUsers.StateAdmin("TN")));
    }

    [Fact]
    public async Task A_holder_relinquishes_their_own_credential_and_no_one_elses()
    {
        var (credential, holder) = await HolderAsync();
        var stranger = TestData.Person("Kai", "Stranger");
        await Fixture.InsertAsync(stranger);

        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.SendAsync(new RelinquishCredential.Command(credential.Id, null), TestUsers.Applicant(stranger.Id)));
        var status = await Fixture.SendAsync(new RelinquishCredential.Command(credential.Id, "Retiring."), TestUsers.Applicant(holder.Id));

        Assert.Equal(CredentialStatus.Relinquished, status);
    }
}

using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Features.Applications;
using Registry.Domain.Applications;
using Registry.Domain.Common;
using Registry.Testing;

namespace Registry.Application.Tests.Features.Applications;

/// <summary>Applicants act on their own records only; staff within their own state only.</summary>
public sealed class ApplicationAccessTests(SliceFixture fixture) : SliceTest(fixture)
{
    private async Task<(ApplicationScenario Scenario, Guid ApplicationId)> SubmittedTennesseeApplicationAsync()
    {
        var scenario = await ApplicationScenario.ArrangeAsync(Fixture);
        var applicant = TestUsers.Applicant(scenario.Applicant.Id);
        var started = await Fixture.SendAsync(new StartApplication.Command { ProgramId = scenario.TennesseeProgram.Id }, applicant);
        await Fixture.SendAsync(new SubmitApplication.Command(started.ApplicationId), applicant);
        return (scenario, started.ApplicationId);
    }

    [Fact]
    public async Task Submitting_moves_a_draft_to_submitted_and_is_audited()
    {
        var (_, applicationId) = await SubmittedTennesseeApplicationAsync();

        var saved = await Fixture.QueryAsync(db => db.Applications.SingleAsync(a => a.Id == applicationId));
        Assert.Equal(ApplicationStatus.Submitted, saved.Status);
        Assert.NotNull(saved.SubmittedAt);
        var audit = await Fixture.QueryAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "SubmitApplication" && a.EntityType == nameof(CertificationApplication)));
        Assert.Contains("Draft", audit.Before);
        Assert.Contains("Submitted", audit.After);
    }

    [Fact]
    public async Task Another_applicants_application_does_not_exist_for_them()
    {
        var (scenario, applicationId) = await SubmittedTennesseeApplicationAsync();
        var stranger = TestUsers.Applicant(scenario.OtherApplicant.Id);

        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.SendAsync(new GetApplication.Query(applicationId), stranger));
        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.SendAsync(new WithdrawApplication.Command(applicationId, null), stranger));

        var saved = await Fixture.QueryAsync(db => db.Applications.SingleAsync(a => a.Id == applicationId));
        Assert.Equal(ApplicationStatus.Submitted, saved.Status);
    }

    [Fact]
    public async Task A_reviewer_of_the_state_takes_the_application_into_review()
    {
        var (_, applicationId) = await SubmittedTennesseeApplicationAsync();

        var status = await Fixture.SendAsync(new BeginReview.Command(applicationId), TestUsers.Reviewer("TN"));

        Assert.Equal(ApplicationStatus.UnderReview, status);
        var history = await Fixture.QueryAsync(db => db.Applications.Where(a => a.Id == applicationId).SelectMany(a => a.History).CountAsync());
        Assert.Equal(3, history);
    }

    [Fact]
    public async Task Staff_of_another_state_cannot_see_or_act_on_the_application()
    {
        var (_, applicationId) = await SubmittedTennesseeApplicationAsync();

        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.SendAsync(new BeginReview.Command(applicationId), TestUsers.Reviewer("PA")));
        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.SendAsync(new GetApplication.Query(applicationId), TestUsers.StateAdmin("PA")));

        var saved = await Fixture.QueryAsync(db => db.Applications.SingleAsync(a => a.Id == applicationId));
        Assert.Equal(ApplicationStatus.Submitted, saved.Status);
    }

    [Fact]
    public async Task An_applicant_cannot_review_even_their_own_application()
    {
        var (scenario, applicationId) = await SubmittedTennesseeApplicationAsync();

        await Assert.ThrowsAsync<ForbiddenException>(() =>
            Fixture.SendAsync(new BeginReview.Command(applicationId), TestUsers.Applicant(scenario.Applicant.Id)));
    }

    [Fact]
    public async Task A_system_administrator_may_act_in_any_state()
    {
        var (_, applicationId) = await SubmittedTennesseeApplicationAsync();

        var model = await Fixture.SendAsync(new GetApplication.Query(applicationId), TestUsers.SystemAdmin());

        Assert.Equal(ApplicationStatus.Submitted, model.Status);
        Assert.Equal([ApplicationStatus.Draft, ApplicationStatus.Submitted], model.History.Select(h => h.To));
    }

    [Fact]
    public async Task A_refused_transition_changes_nothing_and_writes_no_audit()
    {
        var (scenario, applicationId) = await SubmittedTennesseeApplicationAsync();
        var auditBefore = await Fixture.CountAsync<Domain.Auditing.AuditEntry>();

        await Assert.ThrowsAsync<DomainRuleException>(() =>
            Fixture.SendAsync(new SubmitApplication.Command(applicationId), TestUsers.Applicant(scenario.Applicant.Id)));

        Assert.Equal(auditBefore, await Fixture.CountAsync<Domain.Auditing.AuditEntry>());
        var history = await Fixture.QueryAsync(db => db.Applications.Where(a => a.Id == applicationId).SelectMany(a => a.History).CountAsync());
        Assert.Equal(2, history);
    }

    [Fact]
    public async Task Applicants_list_only_their_own_applications()
    {
        var (scenario, applicationId) = await SubmittedTennesseeApplicationAsync();
        await Fixture.SendAsync(new StartApplication.Command { ProgramId = scenario.PennsylvaniaProgram.Id }, TestUsers.Applicant(scenario.OtherApplicant.Id));

        var mine = await Fixture.SendAsync(new ListMyApplications.Query(), TestUsers.Applicant(scenario.Applicant.Id));

        var only = Assert.Single(mine);
        Assert.Equal(applicationId, only.Id);
        Assert.Equal("TN", only.StateCode);
    }

    [Fact]
    public async Task Applicants_see_their_newest_application_first()
    {
        var (scenario, older) = await SubmittedTennesseeApplicationAsync();
        Fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        var newer = await Fixture.SendAsync(new StartApplication.Command { ProgramId = scenario.PennsylvaniaProgram.Id }, TestUsers.Applicant(scenario.Applicant.Id));

        var mine = await Fixture.SendAsync(new ListMyApplications.Query(), TestUsers.Applicant(scenario.Applicant.Id));

        Assert.Equal([newer.ApplicationId, older], mine.Select(a => a.Id));
    }
}

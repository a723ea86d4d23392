using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Features.Applications;
using Registry.Application.Features.Attestations;
using Registry.Application.Features.Records;
using Registry.Application.Features.Renewals;
using Registry.Application.Features.Review;
using Registry.Domain.Applications;
using Registry.Domain.Common;
using Registry.Domain.Credentials;
using Registry.Testing;

namespace Registry.Application.Tests.Features.Renewals;

public sealed class RenewalTests(SliceFixture fixture) : SliceTest(fixture)
{
    [Fact]
    public async Task A_renewal_approved_20_days_before_expiry_gives_an_expiry_exactly_one_cycle_after_the_old_one()
    {
        var scenario = await RenewalScenario.ArrangeAsync(Fixture, expiresInDays: 20);
        var oldExpiry = scenario.Credential.ExpiresOn;
        var applicationId = await scenario.UnderReviewAsync();

        var renewed = await Fixture.SendAsync(new ApproveApplication.Command(applicationId), TestUsers.Reviewer("TN"));

        Assert.Equal(oldExpiry.AddMonths(24), renewed.ExpiresOn);
        Assert.Equal((ApplicationType.Renewal, scenario.Credential.Number.Value), (renewed.ApplicationType, renewed.CredentialNumber));
        var credential = await scenario.CredentialNowAsync();
        Assert.Equal((CredentialStatus.Active, oldExpiry.AddMonths(24)), (credential.Status, credential.ExpiresOn));
        Assert.Equal(CredentialEventKind.Renewed, credential.History.OrderBy(e => e.Sequence).Last().Kind);
        Assert.Equal(1, await Fixture.CountAsync<Credential>()); // no new credential is issued
        var told = await Fixture.QueryAsync(db => db.Notifications.SingleAsync(n => n.Template == "credential-renewed"));
        Assert.Equal(scenario.Holder.Email, told.RecipientEmail);
        Assert.Contains(oldExpiry.AddMonths(24).ToString("MMMM d, yyyy"), told.Rendered().Text);
        Assert.True(await Fixture.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == nameof(ApproveApplication) && a.EntityType == nameof(Credential))));
    }

    [Fact]
    public async Task A_credential_that_expired_during_a_running_probation_is_renewed_onto_probation_and_the_holder_is_told()
    {
        var scenario = await RenewalScenario.ArrangeAsync(Fixture, expiresInDays: -10, probationEndsInDays: 120);
        var applicationId = await scenario.UnderReviewAsync();

        await Fixture.SendAsync(new ApproveApplication.Command(applicationId), TestUsers.Reviewer("TN"));

        var credential = await scenario.CredentialNowAsync();
        Assert.Equal((CredentialStatus.Probation, "Monthly supervision reports."), (credential.Status, credential.ProbationConditions));
        var message = await Fixture.QueryAsync(db => db.Notifications.SingleAsync(n => n.Template == "credential-renewed"));
        Assert.Contains($"stays on probation, under the same conditions, until {RenewalScenario.Today.AddDays(120):MMMM d, yyyy}", message.Rendered().Text);
    }

    [Fact]
    public async Task A_renewal_approved_in_grace_gives_an_expiry_one_cycle_after_the_old_one_and_the_credential_is_active_again()
    {
        var scenario = await RenewalScenario.ArrangeAsync(Fixture, expiresInDays: -10);
        Assert.Equal(CredentialStatus.Expired, scenario.Credential.Status);
        var oldExpiry = scenario.Credential.ExpiresOn;
        var applicationId = await scenario.UnderReviewAsync();

        var renewed = await Fixture.SendAsync(new ApproveApplication.Command(applicationId), TestUsers.Reviewer("TN"));

        Assert.Equal(oldExpiry.AddMonths(24), renewed.ExpiresOn);
        var credential = await scenario.CredentialNowAsync();
        Assert.Equal((CredentialStatus.Active, oldExpiry.AddMonths(24)), (credential.Status, credential.ExpiresOn));
        var last = credential.History.OrderBy(e => e.Sequence).Last();
        Assert.Equal((CredentialEventKind.Renewed, CredentialStatus.Expired, CredentialStatus.Active), (last.Kind, last.FromStatus!.Value, last.ToStatus));
    }

    [Fact]
    public async Task A_renewal_names_the_credential_and_its_cycle_and_offers_only_continuing_education()
    {
        var scenario = await RenewalScenario.ArrangeAsync(Fixture, expiresInDays: 40);
        var started = await scenario.StartAsync();

        Assert.Equal((scenario.Credential.Number.Value, scenario.Credential.IssuedOn, scenario.Credential.ExpiresOn), (started.CredentialNumber, started.CycleStartsOn, started.ExpiresOn));
        var stored = await Fixture.QueryAsync(db => db.Applications.SingleAsync(a => a.Id == started.ApplicationId));
        Assert.Equal((ApplicationType.Renewal, scenario.Credential.Id), (stored.Type, stored.CredentialId));

        var overview = await Fixture.SendAsync(new GetApplicationOverview.Query(started.ApplicationId), scenario.AsHolder);
        Assert.Equal(scenario.Credential.Number.Value, overview.Renewal!.CredentialNumber);
        Assert.Null(overview.Exam);
        Assert.Equal(["ce", "ce:ethics"], overview.Checklist.Select(r => r.Code)); // no training, work, supervision, references or exam

        var training = await Assert.ThrowsAsync<DomainRuleException>(() => Fixture.SendAsync(new AddTrainingRecord.Command
        {
            ApplicationId = started.ApplicationId, Course = "Peer support", Provider = "Institute", Hours = 4, CompletedOn = RenewalScenario.Today,
        }, scenario.AsHolder));
        Assert.Contains("continuing education", training.Message);
        var tooOld = await Assert.ThrowsAsync<DomainRuleException>(() => Fixture.SendAsync(new AddContinuingEducation.Command
        {
            ApplicationId = started.ApplicationId, Course = "Old course", Provider = "Institute", Hours = 4, CompletedOn = scenario.Credential.IssuedOn.AddDays(-1),
        }, scenario.AsHolder));
        Assert.Contains("before this cycle began", tooOld.Message);
    }

    [Fact]
    public async Task Renewal_is_refused_before_the_window_opens_and_after_the_grace_period_with_the_way_forward()
    {
        var early = await RenewalScenario.ArrangeAsync(Fixture, expiresInDays: 120);
        var refused = await Assert.ThrowsAsync<DomainRuleException>(early.StartAsync);
        Assert.Contains("opens on", refused.Message);

        await Fixture.ResetAsync();
        var lapsed = await RenewalScenario.ArrangeAsync(Fixture, expiresInDays: -45);
        Assert.Equal(CredentialStatus.Lapsed, lapsed.Credential.Status);
        Assert.Contains("reinstatement", (await Assert.ThrowsAsync<DomainRuleException>(lapsed.StartAsync)).Message);
        Assert.Equal(0, await Fixture.CountAsync<CertificationApplication>());

        var options = await Fixture.SendAsync(new ListRenewalOptions.Query(), lapsed.AsHolder);
        Assert.Equal(ListRenewalOptions.NextStep.Reinstate, Assert.Single(options).Next);
    }

    [Fact]
    public async Task One_open_renewal_per_credential()
    {
        var scenario = await RenewalScenario.ArrangeAsync(Fixture, expiresInDays: 20);
        var first = await scenario.StartAsync();

        await Assert.ThrowsAsync<ConflictException>(scenario.StartAsync);

        var options = await Fixture.SendAsync(new ListRenewalOptions.Query(), scenario.AsHolder);
        Assert.Equal((ListRenewalOptions.NextStep.Continue, first.ApplicationId), (options[0].Next, options[0].OpenApplicationId));
        await Fixture.SendAsync(new WithdrawApplication.Command(first.ApplicationId, null), scenario.AsHolder);
        await scenario.StartAsync(); // a withdrawn renewal no longer blocks a new one
    }

    [Fact]
    public async Task Only_the_holder_starts_a_renewal_and_only_staff_of_the_credentials_state_decide_it()
    {
        var scenario = await RenewalScenario.ArrangeAsync(Fixture, expiresInDays: 20);
        var stranger = TestData.Person("Sam", "Stranger");
        await Fixture.InsertAsync(stranger);

        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.SendAsync(new StartRenewal.Command(scenario.Credential.Id), TestUsers.Applicant(stranger.Id)));
        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.SendAsync(new StartReinstatement.Command(scenario.Credential.Id), TestUsers.Applicant(stranger.Id)));
        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.SendAsync(new StartRenewal.Command(scenario.Credential.Id), TestUsers.Reviewer("TN")));
        Assert.Equal(0, await Fixture.CountAsync<CertificationApplication>());

        var applicationId = await scenario.UnderReviewAsync();
        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.SendAsync(new AddContinuingEducation.Command
        {
            ApplicationId = applicationId, Course = "X", Provider = "Y", Hours = 1, CompletedOn = RenewalScenario.Today,
        }, TestUsers.Applicant(stranger.Id)));
        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.SendAsync(new ApproveApplication.Command(applicationId), TestUsers.Reviewer("PA")));
        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.SendAsync(new GetApplicationForReview.Query(applicationId), TestUsers.Reviewer("PA")));
        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.SendAsync(new ApproveApplication.Command(applicationId), scenario.AsHolder));
        Assert.Equal(scenario.Credential.ExpiresOn, (await scenario.CredentialNowAsync()).ExpiresOn);
    }

    [Fact]
    public async Task Denying_a_renewal_leaves_the_credential_as_it_was()
    {
        var scenario = await RenewalScenario.ArrangeAsync(Fixture, expiresInDays: 20);
        var applicationId = await scenario.UnderReviewAsync();

        await Fixture.SendAsync(new DenyApplication.Command(applicationId, "The CE provider is not approved."), TestUsers.Reviewer("TN"));

        var credential = await scenario.CredentialNowAsync();
        Assert.Equal((CredentialStatus.Active, scenario.Credential.ExpiresOn, scenario.Credential.History.Count),
            (credential.Status, credential.ExpiresOn, credential.History.Count));
        Assert.Equal(ApplicationStatus.Denied, (await Fixture.QueryAsync(db => db.Applications.SingleAsync(a => a.Id == applicationId))).Status);
    }

    [Fact]
    public async Task An_audited_renewal_is_approved_only_once_staff_verify_every_CE_entry()
    {
        var scenario = await RenewalScenario.ArrangeAsync(Fixture, expiresInDays: 20, RenewalScenario.Rules(ceAuditPercent: 100));
        var started = await scenario.StartAsync();
        var entries = await scenario.AddEnoughCeAsync(started.ApplicationId);
        await Fixture.SendAsync(new SubmitApplication.Command(started.ApplicationId), scenario.AsHolder);
        var reviewer = TestUsers.Reviewer("TN");
        await Fixture.SendAsync(new BeginReview.Command(started.ApplicationId), reviewer);

        var asApplicant = await Fixture.SendAsync(new GetApplicationOverview.Query(started.ApplicationId), scenario.AsHolder);
        Assert.True(asApplicant.Renewal!.SelectedForCeAudit);
        Assert.Contains(asApplicant.Checklist, r => r.Code == "ce-audit" && !r.IsMet);
        var queue = await Fixture.SendAsync(new ReviewQueue.Query { StateCode = "TN" }, reviewer);
        var row = Assert.Single(queue.Items);
        Assert.Equal((scenario.Credential.Number.Value, true, ApplicationType.Renewal), (row.CredentialNumber, row.SelectedForCeAudit, row.Type));

        await Assert.ThrowsAsync<DomainRuleException>(() => Fixture.SendAsync(new ApproveApplication.Command(started.ApplicationId), reviewer));
        await Fixture.SendAsync(new ReviewRecord.Command(started.ApplicationId, entries[0], true, null), reviewer);
        await Assert.ThrowsAsync<DomainRuleException>(() => Fixture.SendAsync(new ApproveApplication.Command(started.ApplicationId), reviewer));
        await Fixture.SendAsync(new ReviewRecord.Command(started.ApplicationId, entries[1], true, null), reviewer);

        var review = await Fixture.SendAsync(new GetApplicationForReview.Query(started.ApplicationId), reviewer);
        Assert.All(review.ContinuingEducation, c => Assert.Equal(RecordReview.Verified, c.Review));
        var renewed = await Fixture.SendAsync(new ApproveApplication.Command(started.ApplicationId), reviewer);
        Assert.Equal(scenario.Credential.ExpiresOn.AddMonths(24), renewed.ExpiresOn);
    }

    [Fact]
    public async Task With_no_audit_share_a_renewal_is_approved_on_attestation()
    {
        var scenario = await RenewalScenario.ArrangeAsync(Fixture, expiresInDays: 20, RenewalScenario.Rules(ceAuditPercent: 0));
        var applicationId = await scenario.UnderReviewAsync();

        Assert.False(await Fixture.QueryAsync(db => db.Applications.Where(a => a.Id == applicationId).Select(a => a.SelectedForCeAudit).SingleAsync()));
        await Fixture.SendAsync(new ApproveApplication.Command(applicationId), TestUsers.Reviewer("TN"));
    }

    [Fact]
    public async Task A_rejected_CE_entry_does_not_count()
    {
        var scenario = await RenewalScenario.ArrangeAsync(Fixture, expiresInDays: 20);
        var applicationId = await scenario.UnderReviewAsync();
        var ethics = await Fixture.QueryAsync(db => db.Set<ContinuingEducationRecord>().SingleAsync(c => c.ApplicationId == applicationId && c.IsEthics));

        await Fixture.SendAsync(new ReviewRecord.Command(applicationId, ethics.Id, false, "Not an ethics course."), TestUsers.Reviewer("TN"));

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => Fixture.SendAsync(new ApproveApplication.Command(applicationId), TestUsers.Reviewer("TN")));
        Assert.Contains("Ethics continuing education: 0 of 1 hours.", refused.Message);
    }

    [Fact]
    public async Task The_programs_attestations_are_signed_again_on_every_renewal_on_the_current_wording()
    {
        var scenario = await RenewalScenario.ArrangeAsync(Fixture, expiresInDays: 20, RenewalScenario.Rules(attestations: ["code-of-ethics"]));
        var started = await scenario.StartAsync();
        await scenario.AddEnoughCeAsync(started.ApplicationId);

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => Fixture.SendAsync(new SubmitApplication.Command(started.ApplicationId), scenario.AsHolder));
        Assert.Contains("Not yet signed: Code of ethics.", refused.Message);

        var wording = await Fixture.SendAsync(new ListAttestations.Query(started.ApplicationId), scenario.AsHolder);
        var current = await Fixture.QueryAsync(db => db.AttestationWordings.Where(w => w.Code == "code-of-ethics").MaxAsync(w => w.Version));
        Assert.Equal(current, Assert.Single(wording).Version);
        await Fixture.SendAsync(new SignAttestation.Command { ApplicationId = started.ApplicationId, Code = "code-of-ethics", Agreed = true }, scenario.AsHolder);
        Assert.Equal(ApplicationStatus.Submitted, await Fixture.SendAsync(new SubmitApplication.Command(started.ApplicationId), scenario.AsHolder));
    }

    [Fact]
    public async Task A_lapsed_credential_is_reinstated_with_a_new_expiry_from_the_approval_date()
    {
        var scenario = await RenewalScenario.ArrangeAsync(Fixture, expiresInDays: -45, RenewalScenario.Rules(reinstatementHours: 12));
        var started = await Fixture.SendAsync(new StartReinstatement.Command(scenario.Credential.Id), scenario.AsHolder);
        await scenario.AddEnoughCeAsync(started.ApplicationId);

        var missing = await Assert.ThrowsAsync<DomainRuleException>(() => Fixture.SendAsync(new SubmitApplication.Command(started.ApplicationId), scenario.AsHolder));
        Assert.Contains("Continuing education: 6 of 12 hours.", missing.Message);
        await Fixture.SendAsync(new AddContinuingEducation.Command
        {
            ApplicationId = started.ApplicationId, Course = "Recovery planning", Provider = "Institute", Hours = 6, CompletedOn = RenewalScenario.Today.AddDays(-5),
        }, scenario.AsHolder);
        await Fixture.SendAsync(new SubmitApplication.Command(started.ApplicationId), scenario.AsHolder);
        await Fixture.SendAsync(new BeginReview.Command(started.ApplicationId), TestUsers.Reviewer("TN"));

        var reinstated = await Fixture.SendAsync(new ApproveApplication.Command(started.ApplicationId), TestUsers.Reviewer("TN"));

        Assert.Equal(RenewalScenario.Today.AddMonths(24), reinstated.ExpiresOn);
        var credential = await scenario.CredentialNowAsync();
        Assert.Equal(CredentialStatus.Active, credential.Status);
        var last = credential.History.OrderBy(e => e.Sequence).Last();
        Assert.Equal((CredentialEventKind.Reinstated, CredentialStatus.Lapsed, RenewalScenario.Today), (last.Kind, last.FromStatus!.Value, last.EffectiveOn));
        Assert.True(await Fixture.QueryAsync(db => db.Notifications.AnyAsync(n => n.Template == "credential-reinstated")));
    }
}

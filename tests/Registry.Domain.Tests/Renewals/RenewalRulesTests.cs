using Registry.Domain.Applications;
using Registry.Domain.Common;
using Registry.Domain.Credentials;
using Registry.Domain.Eligibility;
using Registry.Domain.Jurisdictions;
using Registry.Domain.Tests.Support;

namespace Registry.Domain.Tests.Renewals;

public class RenewalRulesTests
{
    private static readonly ProgramRequirements Rules = Tennessee.Requirements(); // window 90 days, grace 90 days, 30 CE hours of which 6 ethics
    private static readonly DateOnly ExpiresOn = Issued.ExpiresOn;

    [Theory]
    [InlineData(-91, false)]
    [InlineData(-90, true)]
    [InlineData(-20, true)]
    [InlineData(0, true)]
    public void Renewal_opens_the_programs_window_before_expiry(int daysFromExpiry, bool allowed)
    {
        var credential = Issued.Issue();
        var why = credential.WhyNotRenewable(Rules, ExpiresOn.AddDays(daysFromExpiry));

        Assert.Equal(allowed, why is null);
        if (!allowed) Assert.Contains($"opens on {ExpiresOn.AddDays(-90):MMMM d, yyyy}", why);
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(90, true)]
    [InlineData(91, false)]
    public void An_expired_credential_renews_until_the_grace_period_ends_then_the_path_is_reinstatement(int daysAfterExpiry, bool allowed)
    {
        var credential = Issued.In(CredentialStatus.Expired);
        var today = ExpiresOn.AddDays(daysAfterExpiry);

        Assert.Equal(allowed, credential.WhyNotRenewable(Rules, today) is null);
        Assert.Equal(!allowed, credential.WhyNotReinstatable(Rules, today) is null);
        if (!allowed) Assert.Contains("Apply for reinstatement", Assert.Throws<DomainRuleException>(() => credential.EnsureRenewable(Rules, today)).Message);
    }

    [Fact]
    public void A_lapsed_credential_is_not_renewed_but_may_be_reinstated()
    {
        var credential = Issued.In(CredentialStatus.Lapsed);
        var today = ExpiresOn.AddDays(200);

        Assert.Contains("reinstatement", credential.WhyNotRenewable(Rules, today));
        Assert.Null(credential.WhyNotReinstatable(Rules, today));
        var application = CertificationApplication.StartReinstatement(credential, Rules, today, Issued.Staff, Issued.Now);
        Assert.Equal((ApplicationType.Reinstatement, credential.Id), (application.Type, application.CredentialId));
    }

    [Fact]
    public void A_credential_on_probation_renews_and_stays_on_probation()
    {
        var credential = Issued.In(CredentialStatus.Probation);

        Assert.Null(credential.WhyNotRenewable(Rules, ExpiresOn.AddDays(-20)));
        credential.Renew(Rules.RenewalCycleMonths, ExpiresOn.AddDays(-20), Issued.Staff, Issued.Now);

        Assert.Equal((CredentialStatus.Probation, ExpiresOn.AddMonths(24)), (credential.Status, credential.ExpiresOn));
    }

    [Fact]
    public void A_credential_that_expired_during_its_probation_goes_back_on_probation_when_renewed_in_grace()
    {
        var credential = Issued.ExpiredOnProbation();
        var approvedOn = ExpiresOn.AddDays(20);

        credential.Renew(Rules.RenewalCycleMonths, approvedOn, Issued.Staff, Issued.Now);

        Assert.Equal((CredentialStatus.Probation, ExpiresOn.AddMonths(24), "Monthly supervision reports.", ExpiresOn.AddMonths(6)),
            (credential.Status, credential.ExpiresOn, credential.ProbationConditions, credential.RestrictionEndsOn));
        var renewed = credential.History[^1];
        Assert.Equal((CredentialEventKind.Renewed, CredentialStatus.Expired, CredentialStatus.Probation, approvedOn),
            (renewed.Kind, renewed.FromStatus!.Value, renewed.ToStatus, renewed.EffectiveOn));
    }

    [Fact]
    public void A_credential_whose_probation_ended_while_it_was_expired_is_active_and_unrestricted_when_renewed()
    {
        var credential = Issued.ExpiredOnProbation();

        credential.Renew(Rules.RenewalCycleMonths, ExpiresOn.AddMonths(6), Issued.Staff, Issued.Now); // the day probation ends

        Assert.Equal((CredentialStatus.Active, (string?)null, (DateOnly?)null), (credential.Status, credential.ProbationConditions, credential.RestrictionEndsOn));
    }

    [Fact]
    public void A_credential_that_lapsed_during_its_probation_is_reinstated_on_probation_until_the_probation_ends()
    {
        var credential = Issued.LapsedOnProbation();
        var approvedOn = ExpiresOn.AddMonths(6);

        credential.ReinstateAfterLapse(Rules, approvedOn, Issued.Staff, Issued.Now);

        Assert.Equal((CredentialStatus.Probation, "Monthly supervision reports.", ExpiresOn.AddYears(2)),
            (credential.Status, credential.ProbationConditions, credential.RestrictionEndsOn));
        Assert.Equal((CredentialEventKind.Reinstated, CredentialStatus.Lapsed, CredentialStatus.Probation),
            (credential.History[^1].Kind, credential.History[^1].FromStatus!.Value, credential.History[^1].ToStatus));
        var later = Issued.LapsedOnProbation();
        later.ReinstateAfterLapse(Rules, ExpiresOn.AddYears(2), Issued.Staff, Issued.Now); // the day probation ends
        Assert.Equal((CredentialStatus.Active, (string?)null), (later.Status, later.ProbationConditions));
    }

    [Fact]
    public void An_expired_credential_cannot_be_placed_on_probation()
    {
        var credential = Issued.In(CredentialStatus.Expired);

        Assert.Throws<DomainRuleException>(() => credential.PlaceOnProbation("Weekly check-ins.", ExpiresOn.AddMonths(6), ExpiresOn.AddDays(5), Issued.Staff, Issued.Now));
        Assert.Equal(CredentialStatus.Expired, credential.Status);
    }

    [Theory]
    [InlineData(CredentialStatus.Suspended)]
    [InlineData(CredentialStatus.Revoked)]
    [InlineData(CredentialStatus.Relinquished)]
    public void Suspended_revoked_and_relinquished_credentials_are_neither_renewed_nor_reinstated_by_application(CredentialStatus status)
    {
        var credential = Issued.In(status);
        var today = ExpiresOn.AddDays(-10);

        Assert.Contains(status.ToString().ToLowerInvariant(), credential.WhyNotRenewable(Rules, today));
        Assert.NotNull(credential.WhyNotReinstatable(Rules, today));
        Assert.Throws<DomainRuleException>(() => CertificationApplication.StartRenewal(credential, Rules, today, Issued.Staff, Issued.Now));
        Assert.Throws<DomainRuleException>(() => CertificationApplication.StartReinstatement(credential, Rules, today, Issued.Staff, Issued.Now));
    }

    [Fact]
    public void An_active_credential_cannot_be_reinstated_after_lapse()
    {
        var credential = Issued.Issue();

        Assert.Throws<DomainRuleException>(() => CertificationApplication.StartReinstatement(credential, Rules, ExpiresOn.AddDays(-10), Issued.Staff, Issued.Now));
        Assert.Throws<DomainRuleException>(() => credential.ReinstateAfterLapse(Rules, ExpiresOn.AddDays(-10), Issued.Staff, Issued.Now));
    }

    [Fact]
    public void Reinstatement_after_lapse_counts_the_new_expiry_from_the_approval_date_and_is_in_the_history()
    {
        var credential = Issued.In(CredentialStatus.Lapsed);
        var approvedOn = ExpiresOn.AddDays(200);

        credential.ReinstateAfterLapse(Rules, approvedOn, Issued.Staff, Issued.Now);

        Assert.Equal((CredentialStatus.Active, approvedOn.AddMonths(24)), (credential.Status, credential.ExpiresOn));
        var reinstated = credential.History[^1];
        Assert.Equal((CredentialEventKind.Reinstated, CredentialStatus.Lapsed, CredentialStatus.Active, approvedOn, approvedOn.AddMonths(24)),
            (reinstated.Kind, reinstated.FromStatus!.Value, reinstated.ToStatus, reinstated.EffectiveOn, reinstated.ExpiresOnAfter));
        Assert.Equal(approvedOn, credential.CycleStartsOn);
    }

    [Fact]
    public void A_calendar_date_program_stays_on_its_date_when_renewed()
    {
        var texas = new Jurisdiction(StateCode.Parse("TX"), "Texas", "America/Chicago").AddProgram("PS", "Peer Specialist", new ProgramRequirements(0, [], 0, 0, 0, null, [], 12, 12, 1, 90, 60,
            renewsOn: new RenewalDate(12, 31)));
        var credential = Credential.Issue(texas, Guid.NewGuid(), new DateOnly(2025, 3, 10), Issued.Staff, Issued.Now);
        Assert.Equal(new DateOnly(2025, 12, 31), credential.ExpiresOn);

        credential.Renew(texas.Requirements.RenewalCycleMonths, new DateOnly(2025, 12, 11), Issued.Staff, Issued.Now);

        Assert.Equal(new DateOnly(2026, 12, 31), credential.ExpiresOn);
        Assert.Equal(new DateOnly(2025, 12, 31), credential.CycleStartsOn);
    }

    [Fact]
    public void The_cycle_starts_on_the_issue_date_then_on_the_expiry_each_renewal_extended()
    {
        var credential = Issued.Issue();
        Assert.Equal(Issued.IssuedOn, credential.CycleStartsOn);

        credential.Renew(24, ExpiresOn.AddDays(-20), Issued.Staff, Issued.Now);
        Assert.Equal(ExpiresOn, credential.CycleStartsOn);

        credential.Renew(24, ExpiresOn.AddMonths(24).AddDays(-5), Issued.Staff, Issued.Now);
        Assert.Equal(ExpiresOn.AddMonths(24), credential.CycleStartsOn);
    }

    [Fact]
    public void A_renewal_remembers_the_credential_and_its_cycle()
    {
        var credential = Issued.Issue();
        var application = CertificationApplication.StartRenewal(credential, Rules, ExpiresOn.AddDays(-30), Issued.Staff, Issued.Now);

        Assert.Equal((ApplicationType.Renewal, credential.Id, Issued.IssuedOn, ExpiresOn),
            (application.Type, application.CredentialId, application.CycleStartsOn!.Value, application.CycleEndsOn!.Value));
    }

    [Theory]
    [InlineData(0, 0, false)]
    [InlineData(0, 99, false)]
    [InlineData(100, 0, true)]
    [InlineData(100, 99, true)]
    [InlineData(10, 9, true)]
    [InlineData(10, 10, false)]
    public void The_CE_audit_draw_selects_the_configured_share(int percent, int roll, bool selected) =>
        Assert.Equal(selected, CeAudit.Draw(percent, new FixedRoll(roll)));

    private sealed class FixedRoll(int roll) : Random
    {
        public override int Next(int maxValue) => roll;
    }
}

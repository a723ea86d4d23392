using Registry.Domain.Common;
using Registry.Domain.Credentials;
using Registry.Domain.Tests.Support;

namespace Registry.Domain.Tests.Credentials;

/// <summary>Expiry, lapse, renewal, the history each change leaves, and replaying it for past dates.</summary>
public class CredentialLifecycleTests
{
    private static readonly DateOnly ExpiresOn = Issued.ExpiresOn;
    private static readonly DateOnly GraceEnds = ExpiresOn.AddDays(Tennessee.GracePeriodDays);

    [Fact]
    public void Issuing_starts_the_history_and_sets_expiry_one_cycle_out()
    {
        var credential = Issued.Issue();

        Assert.Equal(CredentialStatus.Active, credential.Status);
        Assert.Equal(Issued.IssuedOn.AddMonths(Tennessee.RenewalCycleMonths), credential.ExpiresOn);
        var issued = Assert.Single(credential.History);
        Assert.Equal((CredentialEventKind.Issued, (CredentialStatus?)null, CredentialStatus.Active, 1), (issued.Kind, issued.FromStatus, issued.ToStatus, issued.Sequence));
        Assert.Equal((Issued.IssuedOn, credential.ExpiresOn, Issued.Staff, Issued.Now), (issued.EffectiveOn, issued.ExpiresOnAfter, issued.ActorUserId, issued.RecordedAt));
        Assert.Equal(credential.Id, issued.CredentialId);
    }

    [Theory]
    [InlineData(-30)]
    [InlineData(-1)]
    [InlineData(0)]
    public void Expiring_on_or_before_the_expiry_date_is_refused(int daysAfterExpiry)
    {
        var credential = Issued.In(CredentialStatus.Active);

        Assert.Throws<DomainRuleException>(() => credential.Expire(ExpiresOn.AddDays(daysAfterExpiry), Issued.Now));

        Assert.Equal(CredentialStatus.Active, credential.Status);
        Assert.Single(credential.History);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(45)]
    public void Expiring_after_the_expiry_date_takes_effect_the_day_after_it(int daysAfterExpiry)
    {
        var credential = Issued.In(CredentialStatus.Active);

        credential.Expire(ExpiresOn.AddDays(daysAfterExpiry), Issued.Now);

        Assert.Equal(CredentialStatus.Expired, credential.Status);
        var expired = credential.History[^1];
        Assert.Equal((CredentialEventKind.Expired, ExpiresOn.AddDays(1)), (expired.Kind, expired.EffectiveOn));
        Assert.Null(expired.ActorUserId); // the system, not a person, expires credentials
    }

    [Fact]
    public void A_credential_reinstated_after_its_expiry_date_still_expires_and_lapses()
    {
        var credential = Issued.In(CredentialStatus.Suspended);
        var reinstatedOn = GraceEnds.AddDays(10);
        credential.Reinstate(reinstatedOn, Issued.Staff, Issued.Now, "Cleared.");

        credential.Expire(reinstatedOn, Issued.Now);
        credential.Lapse(reinstatedOn, Tennessee.GracePeriodDays, Issued.Now);

        // Neither may be dated before the reinstatement, so both take effect on that day.
        Assert.Equal(CredentialStatus.Lapsed, credential.Status);
        Assert.Equal([reinstatedOn, reinstatedOn, reinstatedOn], credential.History.Skip(2).Select(e => e.EffectiveOn));
        Assert.Equal(CredentialStatus.Lapsed, credential.StatusOn(reinstatedOn));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(45)]
    [InlineData(Tennessee.GracePeriodDays)]
    public void Lapsing_inside_the_grace_period_is_refused(int daysAfterExpiry)
    {
        var credential = Issued.In(CredentialStatus.Expired);

        Assert.Throws<DomainRuleException>(() => credential.Lapse(ExpiresOn.AddDays(daysAfterExpiry), Tennessee.GracePeriodDays, Issued.Now));

        Assert.Equal(CredentialStatus.Expired, credential.Status);
        Assert.Equal(2, credential.History.Count);
    }

    [Fact]
    public void Lapsing_after_the_grace_period_takes_effect_the_day_after_grace_ends()
    {
        var credential = Issued.In(CredentialStatus.Expired);

        credential.Lapse(GraceEnds.AddDays(1), Tennessee.GracePeriodDays, Issued.Now);

        Assert.Equal(CredentialStatus.Lapsed, credential.Status);
        Assert.Equal((CredentialEventKind.Lapsed, GraceEnds.AddDays(1)), (credential.History[^1].Kind, credential.History[^1].EffectiveOn));
    }

    [Fact]
    public void Renewing_an_active_credential_extends_expiry_one_cycle_from_the_old_expiry()
    {
        var credential = Issued.In(CredentialStatus.Active);
        var approvedOn = ExpiresOn.AddDays(-30);

        credential.Renew(Tennessee.RenewalCycleMonths, approvedOn, Issued.Staff, Issued.Now);

        Assert.Equal(ExpiresOn.AddMonths(Tennessee.RenewalCycleMonths), credential.ExpiresOn);
        Assert.Equal(CredentialStatus.Active, credential.Status);
        var renewed = credential.History[^1];
        Assert.Equal((CredentialEventKind.Renewed, CredentialStatus.Active, CredentialStatus.Active, 2), (renewed.Kind, renewed.FromStatus!.Value, renewed.ToStatus, renewed.Sequence));
        Assert.Equal((approvedOn, credential.ExpiresOn), (renewed.EffectiveOn, renewed.ExpiresOnAfter));
    }

    [Fact]
    public void Renewing_an_expired_credential_reactivates_it_and_counts_from_the_old_expiry()
    {
        var credential = Issued.In(CredentialStatus.Expired);
        var approvedOn = ExpiresOn.AddDays(40);

        credential.Renew(Tennessee.RenewalCycleMonths, approvedOn, Issued.Staff, Issued.Now);

        Assert.Equal(CredentialStatus.Active, credential.Status);
        Assert.Equal(ExpiresOn.AddMonths(Tennessee.RenewalCycleMonths), credential.ExpiresOn);
        var renewed = credential.History[^1];
        Assert.Equal((CredentialEventKind.Renewed, CredentialStatus.Expired, CredentialStatus.Active, 3), (renewed.Kind, renewed.FromStatus!.Value, renewed.ToStatus, renewed.Sequence));
    }

    [Theory]
    [InlineData(CredentialStatus.Suspended)]
    [InlineData(CredentialStatus.Lapsed)]
    [InlineData(CredentialStatus.Revoked)]
    [InlineData(CredentialStatus.Relinquished)]
    public void Renewing_is_refused_unless_active_on_probation_or_expired(CredentialStatus status)
    {
        var credential = Issued.In(status);
        var historyBefore = credential.History.ToList();

        Assert.Throws<DomainRuleException>(() => credential.Renew(Tennessee.RenewalCycleMonths, GraceEnds.AddDays(10), Issued.Staff, Issued.Now));

        Assert.Equal((status, ExpiresOn), (credential.Status, credential.ExpiresOn));
        Assert.Equal(historyBefore, credential.History);
    }

    public static TheoryData<string> ChangesDatedTooEarly() => ["Suspend", "PlaceOnProbation", "Revoke", "Relinquish", "Renew"];

    [Theory]
    [MemberData(nameof(ChangesDatedTooEarly))]
    public void A_change_cannot_take_effect_before_the_last_change(string change)
    {
        var credential = Issued.In(CredentialStatus.Suspended);
        var reinstatedOn = Issued.ActedOn.AddDays(30);
        credential.Reinstate(reinstatedOn, Issued.Staff, Issued.Now, null);
        var historyBefore = credential.History.ToList();
        var tooEarly = reinstatedOn.AddDays(-1);

        Action act = change switch
        {
            "Suspend" => () => credential.Suspend("Complaint.", tooEarly, null, Issued.Staff, Issued.Now),
            "PlaceOnProbation" => () => credential.PlaceOnProbation("Check-ins.", tooEarly.AddMonths(6), tooEarly, Issued.Staff, Issued.Now),
            "Revoke" => () => credential.Revoke("Fraud.", tooEarly, Issued.Staff, Issued.Now),
            "Relinquish" => () => credential.Relinquish(tooEarly, Issued.Staff, Issued.Now, null),
            _ => () => credential.Renew(Tennessee.RenewalCycleMonths, tooEarly, Issued.Staff, Issued.Now),
        };

        Assert.Throws<DomainRuleException>(act);
        Assert.Equal((CredentialStatus.Active, ExpiresOn), (credential.Status, credential.ExpiresOn));
        Assert.Equal(historyBefore, credential.History);
    }

    [Fact]
    public void A_refused_renewal_of_an_expired_credential_leaves_its_expiry_alone()
    {
        var credential = Issued.In(CredentialStatus.Expired);

        // Dated before the expiry took effect (the day after ExpiresOn), so it is refused.
        Assert.Throws<DomainRuleException>(() => credential.Renew(Tennessee.RenewalCycleMonths, ExpiresOn, Issued.Staff, Issued.Now));

        Assert.Equal((CredentialStatus.Expired, ExpiresOn), (credential.Status, credential.ExpiresOn));
        Assert.Equal(2, credential.History.Count);
    }

    [Fact]
    public void Each_change_appends_exactly_one_event_describing_it()
    {
        var credential = Issued.Issue();
        var reviewer = Guid.NewGuid();
        var day = Issued.IssuedOn;
        (Action Act, CredentialEventKind Kind, CredentialStatus From, CredentialStatus To, Guid? Actor, string? Reason)[] script =
        [
            (() => credential.PlaceOnProbation("Check-ins.", day.AddDays(100), day.AddDays(10), reviewer, Issued.Now), CredentialEventKind.ProbationStarted, CredentialStatus.Active, CredentialStatus.Probation, reviewer, "Check-ins."),
            (() => credential.EndProbation(day.AddDays(100), reviewer, Issued.Now, "Done."), CredentialEventKind.ProbationEnded, CredentialStatus.Probation, CredentialStatus.Active, reviewer, "Done."),
            (() => credential.Suspend(" Complaint. ", day.AddDays(200), null, reviewer, Issued.Now), CredentialEventKind.Suspended, CredentialStatus.Active, CredentialStatus.Suspended, reviewer, "Complaint."),
            (() => credential.Reinstate(day.AddDays(250), reviewer, Issued.Now, null), CredentialEventKind.Reinstated, CredentialStatus.Suspended, CredentialStatus.Active, reviewer, null),
            (() => credential.Expire(ExpiresOn.AddDays(1), Issued.Now), CredentialEventKind.Expired, CredentialStatus.Active, CredentialStatus.Expired, null, null),
            (() => credential.Renew(Tennessee.RenewalCycleMonths, ExpiresOn.AddDays(20), reviewer, Issued.Now), CredentialEventKind.Renewed, CredentialStatus.Expired, CredentialStatus.Active, reviewer, null),
            (() => credential.Revoke("Fraud.", ExpiresOn.AddDays(30), reviewer, Issued.Now), CredentialEventKind.Revoked, CredentialStatus.Active, CredentialStatus.Revoked, reviewer, "Fraud."),
        ];

        foreach (var step in script)
        {
            var countBefore = credential.History.Count;
            step.Act();
            Assert.Equal(countBefore + 1, credential.History.Count);
            var added = credential.History[^1];
            Assert.Equal((step.Kind, step.From, step.To, countBefore + 1), (added.Kind, added.FromStatus!.Value, added.ToStatus, added.Sequence));
            Assert.Equal((step.Actor, step.Reason, credential.ExpiresOn), (added.ActorUserId, added.Reason, added.ExpiresOnAfter));
        }
    }

    [Fact]
    public void Status_on_a_past_date_is_replayed_from_the_history()
    {
        var credential = Issued.Issue();
        var day = Issued.IssuedOn;
        credential.PlaceOnProbation("Check-ins.", day.AddDays(100), day.AddDays(10), Issued.Staff, Issued.Now);
        credential.EndProbation(day.AddDays(100), Issued.Staff, Issued.Now, null);
        credential.Suspend("Complaint.", day.AddDays(200), null, Issued.Staff, Issued.Now);
        credential.Reinstate(day.AddDays(250), Issued.Staff, Issued.Now, null);
        credential.Expire(ExpiresOn.AddDays(1), Issued.Now);
        credential.Renew(Tennessee.RenewalCycleMonths, ExpiresOn.AddDays(20), Issued.Staff, Issued.Now);

        Assert.Null(credential.StatusOn(day.AddDays(-1)));
        Assert.Equal(CredentialStatus.Active, credential.StatusOn(day));
        Assert.Equal(CredentialStatus.Active, credential.StatusOn(day.AddDays(9)));
        Assert.Equal(CredentialStatus.Probation, credential.StatusOn(day.AddDays(10)));
        Assert.Equal(CredentialStatus.Probation, credential.StatusOn(day.AddDays(99)));
        Assert.Equal(CredentialStatus.Active, credential.StatusOn(day.AddDays(100)));
        Assert.Equal(CredentialStatus.Suspended, credential.StatusOn(day.AddDays(249)));
        Assert.Equal(CredentialStatus.Active, credential.StatusOn(ExpiresOn));
        Assert.Equal(CredentialStatus.Expired, credential.StatusOn(ExpiresOn.AddDays(1)));
        Assert.Equal(CredentialStatus.Expired, credential.StatusOn(ExpiresOn.AddDays(19)));
        Assert.Equal(CredentialStatus.Active, credential.StatusOn(ExpiresOn.AddDays(20)));
    }

    [Fact]
    public void Of_two_changes_on_the_same_day_the_later_one_decides_that_days_status()
    {
        var credential = Issued.Issue();
        var day = Issued.ActedOn;
        credential.Suspend("Complaint.", day, null, Issued.Staff, Issued.Now);
        credential.Revoke("Complaint upheld at hearing.", day, Issued.Staff, Issued.Now);

        Assert.Equal(CredentialStatus.Revoked, credential.StatusOn(day));
        Assert.Equal(CredentialStatus.Active, credential.StatusOn(day.AddDays(-1)));
    }
}

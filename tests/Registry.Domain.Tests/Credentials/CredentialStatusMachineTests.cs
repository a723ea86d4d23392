using Registry.Domain.Common;
using Registry.Domain.Credentials;
using Registry.Domain.Tests.Support;

namespace Registry.Domain.Tests.Credentials;

public class CredentialStatusMachineTests
{
    /// <summary>Well after every state <see cref="Issued.In"/> reaches, so only the status rules can refuse.</summary>
    private static readonly DateOnly Late = Issued.ExpiresOn.AddYears(1);

    private sealed record Transition(string Name, CredentialStatus To, Action<Credential> Act);

    /// <summary>Every public method that changes a credential's status, with valid arguments.</summary>
    private static readonly Transition[] Transitions =
    [
        new("Expire", CredentialStatus.Expired, c => c.Expire(Late, Issued.Now)),
        new("Lapse", CredentialStatus.Lapsed, c => c.Lapse(Late, Tennessee.GracePeriodDays, Issued.Now)),
        new("Renew", CredentialStatus.Active, c => c.Renew(Tennessee.RenewalCycleMonths, Late, Issued.Staff, Issued.Now)),
        new("Renew", CredentialStatus.Probation, c => c.Renew(Tennessee.RenewalCycleMonths, Issued.ExpiresOn.AddDays(10), Issued.Staff, Issued.Now)),
        new("PlaceOnProbation", CredentialStatus.Probation, c => c.PlaceOnProbation("Weekly check-ins.", Late.AddMonths(6), Late, Issued.Staff, Issued.Now)),
        new("EndProbation", CredentialStatus.Active, c => c.EndProbation(Late, Issued.Staff, Issued.Now, null)),
        new("Suspend", CredentialStatus.Suspended, c => c.Suspend("Practising while impaired.", Late, null, Issued.Staff, Issued.Now)),
        new("Reinstate", CredentialStatus.Active, c => c.Reinstate(Late, Issued.Staff, Issued.Now, null)),
        new("ReinstateAfterLapse", CredentialStatus.Active, c => c.ReinstateAfterLapse(Tennessee.Requirements(), Late, Issued.Staff, Issued.Now)),
        new("ReinstateAfterLapse", CredentialStatus.Probation, c => c.ReinstateAfterLapse(Tennessee.Requirements(), Late, Issued.Staff, Issued.Now)),
        new("Revoke", CredentialStatus.Revoked, c => c.Revoke("Fraud.", Late, Issued.Staff, Issued.Now)),
        new("Relinquish", CredentialStatus.Relinquished, c => c.Relinquish(Late, Issued.Staff, Issued.Now, "Retiring.")),
    ];

    public static TheoryData<CredentialStatus, CredentialStatus> EveryPair()
    {
        var data = new TheoryData<CredentialStatus, CredentialStatus>();
        foreach (var from in Enum.GetValues<CredentialStatus>())
            foreach (var to in Enum.GetValues<CredentialStatus>())
                data.Add(from, to);
        return data;
    }

    public static TheoryData<CredentialStatus> EveryStatus() => new(Enum.GetValues<CredentialStatus>());

    public static TheoryData<string> BlankTexts() => ["", " ", "\t\n "];

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void A_status_move_is_allowed_exactly_when_the_rules_list_it(CredentialStatus from, CredentialStatus to)
    {
        var allowed = CredentialStatusRules.AllowedMoves.Contains((from, to));
        var moved = new List<string>();

        // Renewing an active credential keeps it active, and one on probation on probation: not a status move (see the renewal tests).
        foreach (var transition in Transitions.Where(t => t.To == to && !(t.Name == "Renew" && from is CredentialStatus.Active or CredentialStatus.Probation)))
        {
            // Only a credential that expired (or lapsed) during its probation goes back on probation when renewed (or reinstated).
            var credential = (from, to) switch
            {
                (CredentialStatus.Expired, CredentialStatus.Probation) => Issued.ExpiredOnProbation(),
                (CredentialStatus.Lapsed, CredentialStatus.Probation) => Issued.LapsedOnProbation(),
                _ => Issued.In(from),
            };
            var historyBefore = credential.History.ToList();
            var expiresBefore = credential.ExpiresOn;
            try
            {
                transition.Act(credential);
            }
            catch (DomainRuleException)
            {
                Assert.Equal(from, credential.Status);
                Assert.Equal(historyBefore, credential.History);
                Assert.Equal(expiresBefore, credential.ExpiresOn);
                continue;
            }
            moved.Add(transition.Name);
            Assert.Equal(to, credential.Status);
            var added = Assert.Single(credential.History.Except(historyBefore));
            Assert.Equal((from, to, historyBefore.Count + 1), (added.FromStatus!.Value, added.ToStatus, added.Sequence));
        }

        Assert.True(allowed == (moved.Count > 0), $"{from} → {to}: rules allow it = {allowed}; moved by [{string.Join(", ", moved)}]");
    }

    [Fact]
    public void The_allowed_moves_follow_the_design()
    {
        // Active ⇄ Probation; Active or Probation → Suspended → Active; Active or Probation → Expired → Active or Probation (renewed) or Lapsed;
        // Lapsed → Active or Probation (reinstated after lapse); Active, Probation or Suspended → Revoked; Active → Relinquished.
        (CredentialStatus, CredentialStatus)[] design =
        [
            (CredentialStatus.Active, CredentialStatus.Probation),
            (CredentialStatus.Probation, CredentialStatus.Active),
            (CredentialStatus.Active, CredentialStatus.Suspended),
            (CredentialStatus.Probation, CredentialStatus.Suspended),
            (CredentialStatus.Suspended, CredentialStatus.Active),
            (CredentialStatus.Active, CredentialStatus.Expired),
            (CredentialStatus.Probation, CredentialStatus.Expired),
            (CredentialStatus.Expired, CredentialStatus.Active),
            (CredentialStatus.Expired, CredentialStatus.Probation),
            (CredentialStatus.Expired, CredentialStatus.Lapsed),
            (CredentialStatus.Lapsed, CredentialStatus.Active),
            (CredentialStatus.Lapsed, CredentialStatus.Probation),
            (CredentialStatus.Active, CredentialStatus.Revoked),
            (CredentialStatus.Probation, CredentialStatus.Revoked),
            (CredentialStatus.Suspended, CredentialStatus.Revoked),
            (CredentialStatus.Active, CredentialStatus.Relinquished),
        ];

        Assert.Equal(design.Order(), CredentialStatusRules.AllowedMoves.Order());
    }

    [Fact]
    public void Revoked_is_final()
    {
        Assert.DoesNotContain(CredentialStatusRules.AllowedMoves, move => move.From == CredentialStatus.Revoked);
        foreach (var transition in Transitions)
            Assert.Throws<DomainRuleException>(() => transition.Act(Issued.In(CredentialStatus.Revoked)));
    }

    [Theory]
    [MemberData(nameof(EveryStatus))]
    public void Ending_probation_is_possible_only_from_probation(CredentialStatus from)
    {
        var credential = Issued.In(from);

        if (from == CredentialStatus.Probation)
        {
            credential.EndProbation(Late, Issued.Staff, Issued.Now, "Conditions met.");
            Assert.Equal(CredentialStatus.Active, credential.Status);
            Assert.Null(credential.ProbationConditions);
            Assert.Null(credential.RestrictionEndsOn);
        }
        else
        {
            Assert.Throws<DomainRuleException>(() => credential.EndProbation(Late, Issued.Staff, Issued.Now, null));
            Assert.Equal(from, credential.Status);
        }
    }

    [Theory]
    [MemberData(nameof(EveryStatus))]
    public void Reinstating_is_possible_only_from_suspension(CredentialStatus from)
    {
        var credential = Issued.In(from);

        if (from == CredentialStatus.Suspended)
        {
            credential.Reinstate(Late, Issued.Staff, Issued.Now, "Investigation closed.");
            Assert.Equal(CredentialStatus.Active, credential.Status);
            Assert.Null(credential.RestrictionEndsOn);
        }
        else
        {
            Assert.Throws<DomainRuleException>(() => credential.Reinstate(Late, Issued.Staff, Issued.Now, null));
            Assert.Equal(from, credential.Status);
        }
    }

    [Theory]
    [MemberData(nameof(BlankTexts))]
    public void Probation_without_conditions_is_refused(string conditions)
    {
        var credential = Issued.In(CredentialStatus.Active);

        Assert.Throws<DomainRuleException>(() => credential.PlaceOnProbation(conditions, Late.AddMonths(6), Late, Issued.Staff, Issued.Now));

        Assert.Equal(CredentialStatus.Active, credential.Status);
        Assert.Single(credential.History);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Probation_must_end_after_it_starts(int endOffsetDays)
    {
        var credential = Issued.In(CredentialStatus.Active);

        Assert.Throws<DomainRuleException>(() =>
            credential.PlaceOnProbation("Weekly check-ins.", Late.AddDays(endOffsetDays), Late, Issued.Staff, Issued.Now));

        Assert.Equal(CredentialStatus.Active, credential.Status);
        Assert.Single(credential.History);
    }

    [Fact]
    public void Probation_keeps_its_trimmed_conditions_and_end_date()
    {
        var credential = Issued.In(CredentialStatus.Active);

        credential.PlaceOnProbation("  Weekly check-ins.  ", Late.AddMonths(6), Late, Issued.Staff, Issued.Now);

        Assert.Equal("Weekly check-ins.", credential.ProbationConditions);
        Assert.Equal(Late.AddMonths(6), credential.RestrictionEndsOn);
        Assert.Equal("Weekly check-ins.", credential.History[^1].Reason);
    }

    [Theory]
    [MemberData(nameof(BlankTexts))]
    public void Suspending_without_a_reason_is_refused(string reason)
    {
        var credential = Issued.In(CredentialStatus.Active);

        Assert.Throws<DomainRuleException>(() => credential.Suspend(reason, Late, null, Issued.Staff, Issued.Now));

        Assert.Equal(CredentialStatus.Active, credential.Status);
        Assert.Single(credential.History);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_suspension_with_an_end_must_end_after_it_starts(int endOffsetDays)
    {
        var credential = Issued.In(CredentialStatus.Active);

        Assert.Throws<DomainRuleException>(() => credential.Suspend("Unpaid fine.", Late, Late.AddDays(endOffsetDays), Issued.Staff, Issued.Now));

        Assert.Equal(CredentialStatus.Active, credential.Status);
    }

    [Fact]
    public void Suspending_a_credential_on_probation_replaces_the_probation_terms()
    {
        var credential = Issued.In(CredentialStatus.Probation);

        credential.Suspend("Broke probation terms.", Late, Late.AddMonths(3), Issued.Staff, Issued.Now);

        Assert.Null(credential.ProbationConditions);
        Assert.Equal(Late.AddMonths(3), credential.RestrictionEndsOn);
    }

    [Theory]
    [MemberData(nameof(BlankTexts))]
    public void Revoking_without_a_reason_is_refused(string reason)
    {
        var credential = Issued.In(CredentialStatus.Suspended);
        var historyBefore = credential.History.ToList();

        Assert.Throws<DomainRuleException>(() => credential.Revoke(reason, Late, Issued.Staff, Issued.Now));

        Assert.Equal(CredentialStatus.Suspended, credential.Status);
        Assert.Equal(historyBefore, credential.History);
    }

    [Theory]
    [InlineData(CredentialEventKind.Issued, false)]
    [InlineData(CredentialEventKind.Renewed, false)]
    [InlineData(CredentialEventKind.Expired, false)]
    [InlineData(CredentialEventKind.Lapsed, false)]
    [InlineData(CredentialEventKind.ProbationStarted, true)]
    [InlineData(CredentialEventKind.ProbationEnded, false)]
    [InlineData(CredentialEventKind.Suspended, true)]
    [InlineData(CredentialEventKind.Reinstated, false)]
    [InlineData(CredentialEventKind.Revoked, true)]
    [InlineData(CredentialEventKind.Relinquished, false)]
    public void Only_probation_suspension_and_revocation_are_public_actions(CredentialEventKind kind, bool isPublic) =>
        Assert.Equal(isPublic, kind.IsPublicAction());

    [Fact]
    public void A_recorded_event_says_whether_it_is_a_public_action()
    {
        var credential = Issued.In(CredentialStatus.Active);
        credential.PlaceOnProbation("Weekly check-ins.", Late.AddMonths(6), Late, Issued.Staff, Issued.Now);
        credential.EndProbation(Late.AddMonths(6), Issued.Staff, Issued.Now, null);
        credential.Suspend("Complaint.", Late.AddMonths(7), null, Issued.Staff, Issued.Now);
        credential.Revoke("Complaint upheld.", Late.AddMonths(8), Issued.Staff, Issued.Now);

        Assert.Equal([false, true, false, true, true], credential.History.Select(e => e.IsPublicAction));
    }
}

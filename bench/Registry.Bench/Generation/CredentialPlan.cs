using Registry.Domain.Credentials;

namespace Registry.Bench.Generation;

public readonly record struct PlannedEvent(
    CredentialEventKind Kind, CredentialStatus? From, CredentialStatus To, DateOnly EffectiveOn, DateOnly ExpiresOnAfter, bool BySystem, string? Reason);

/// <summary>
/// One credential's life up to today, following the domain's rules: issued, renewed on time or late
/// (expired first), then expired and lapsed if its expiry has passed, or else perhaps disciplined or
/// relinquished. Expiries spread over the two years around today.
/// </summary>
public sealed class CredentialPlan
{
    private readonly List<PlannedEvent> _events = [];

    public CredentialPlan(Catalog catalog, long index)
    {
        var scale = catalog.Scale;
        var today = scale.Today;
        var rng = new Rng(scale.Seed, Stream.Credential, index);
        Program = catalog.ProgramOf(index);
        var rules = Program.Requirements;

        var renewals = rng.NextDouble() switch { < 0.4 => 0, < 0.7 => 1, < 0.9 => 2, _ => 3 };
        var targetExpiry = today.AddDays(rng.Between(-365, 365));
        IssuedOn = targetExpiry.AddMonths(-(renewals + 1) * rules.RenewalCycleMonths).AddDays(rng.Between(0, 20));
        if (IssuedOn > today) IssuedOn = today;
        var expiry = rules.ExpiryFor(IssuedOn);
        Add(CredentialEventKind.Issued, null, CredentialStatus.Active, IssuedOn, expiry, bySystem: false, null);

        for (var i = 0; i < renewals; i++)
        {
            var next = expiry.AddMonths(rules.RenewalCycleMonths);
            var lateOn = expiry.AddDays(rng.Between(1, rules.GracePeriodDays));
            if (rng.Chance(0.1) && lateOn <= today)
            {
                // Renewed in the grace period: the credential expired first.
                Add(CredentialEventKind.Expired, CredentialStatus.Active, CredentialStatus.Expired, expiry.AddDays(1), expiry, bySystem: true, null);
                Add(CredentialEventKind.Renewed, CredentialStatus.Expired, CredentialStatus.Active, lateOn, next, bySystem: false, null);
            }
            else
            {
                var renewedOn = Max(Last.EffectiveOn, expiry.AddDays(-rng.Between(0, rules.RenewalWindowDays)));
                if (renewedOn > today) break;
                Add(CredentialEventKind.Renewed, CredentialStatus.Active, CredentialStatus.Active, renewedOn, next, bySystem: false, null);
            }
            expiry = next;
        }
        ExpiresOn = expiry;

        if (ExpiresOn < today)
        {
            Add(CredentialEventKind.Expired, CredentialStatus.Active, CredentialStatus.Expired, ExpiresOn.AddDays(1), ExpiresOn, bySystem: true, null);
            var graceEnds = ExpiresOn.AddDays(rules.GracePeriodDays);
            if (today > graceEnds)
                Add(CredentialEventKind.Lapsed, CredentialStatus.Expired, CredentialStatus.Lapsed, graceEnds.AddDays(1), ExpiresOn, bySystem: true, null);
            return;
        }

        var roll = rng.NextDouble();
        DateOnly Someday() => Last.EffectiveOn.AddDays(rng.Between(0, today.DayNumber - Last.EffectiveOn.DayNumber));
        switch (roll)
        {
            case < 0.03:
                var probationFrom = Someday();
                ProbationConditions = "Monthly supervision reports to the board for six months.";
                RestrictionEndsOn = probationFrom.AddMonths(6);
                Add(CredentialEventKind.ProbationStarted, CredentialStatus.Active, CredentialStatus.Probation, probationFrom, ExpiresOn, bySystem: false, ProbationConditions);
                break;
            case < 0.045:
                var suspendedFrom = Someday();
                RestrictionEndsOn = rng.Chance(0.5) ? suspendedFrom.AddDays(90) : null;
                Add(CredentialEventKind.Suspended, CredentialStatus.Active, CredentialStatus.Suspended, suspendedFrom, ExpiresOn, bySystem: false,
                    "Practised while the credential's conditions were unmet.");
                break;
            case < 0.06:
                Add(CredentialEventKind.Suspended, CredentialStatus.Active, CredentialStatus.Suspended, Someday(), ExpiresOn, bySystem: false,
                    "Did not complete the required ethics refresher.");
                Add(CredentialEventKind.Reinstated, CredentialStatus.Suspended, CredentialStatus.Active, Someday(), ExpiresOn, bySystem: false,
                    "Refresher completed.");
                break;
            case < 0.07:
                Add(CredentialEventKind.Revoked, CredentialStatus.Active, CredentialStatus.Revoked, Someday(), ExpiresOn, bySystem: false,
                    "Falsified supervision records.");
                break;
            case < 0.09:
                Add(CredentialEventKind.Relinquished, CredentialStatus.Active, CredentialStatus.Relinquished, Someday(), ExpiresOn, bySystem: false,
                    "Retired from peer work.");
                break;
            case < 0.11:
                Add(CredentialEventKind.Reprimanded, CredentialStatus.Active, CredentialStatus.Active, Someday(), ExpiresOn, bySystem: false,
                    "Shared a peer's story without consent.");
                break;
        }
    }

    public ProgramSpec Program { get; }
    public DateOnly IssuedOn { get; }
    public DateOnly ExpiresOn { get; }
    public DateOnly? RestrictionEndsOn { get; }
    public string? ProbationConditions { get; }
    public IReadOnlyList<PlannedEvent> Events => _events;
    public CredentialStatus Status => _events[^1].To;

    private PlannedEvent Last => _events[^1];

    private void Add(CredentialEventKind kind, CredentialStatus? from, CredentialStatus to, DateOnly effectiveOn, DateOnly expiresOnAfter, bool bySystem, string? reason) =>
        _events.Add(new PlannedEvent(kind, from, to, _events.Count > 0 ? Max(Last.EffectiveOn, effectiveOn) : effectiveOn, expiresOnAfter, bySystem, reason));

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}

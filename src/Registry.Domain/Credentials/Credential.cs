using Registry.Domain.Common;
using Registry.Domain.Jurisdictions;

namespace Registry.Domain.Credentials;

/// <summary>
/// A certification held by a person. Its history is append-only, so its status on any past date can be
/// computed (<see cref="StatusOn"/>), which is what exports for past periods rely on. Every entry added to it
/// raises <see cref="CredentialChanged"/>, so the holder is told of each decision in one place.
/// </summary>
public sealed class Credential : IVersioned, IHasDomainEvents
{
    private readonly List<CredentialEvent> _history = [];
    private readonly List<IDomainEvent> _domainEvents = [];
    private readonly List<CredentialEndorsement> _endorsements = [];

    private Credential() { }

    public static Credential Issue(CredentialProgram program, Guid holderPersonId, DateOnly issuedOn, Guid actorUserId, DateTimeOffset at)
    {
        var credential = new Credential
        {
            Id = Guid.CreateVersion7(),
            Number = program.AllocateCredentialNumber(),
            ProgramId = program.Id,
            StateCode = program.StateCode,
            HolderPersonId = holderPersonId,
            Status = CredentialStatus.Active,
            IssuedOn = issuedOn,
            ExpiresOn = program.Requirements.ExpiryFor(issuedOn),
        };
        credential.Record(CredentialEventKind.Issued, null, CredentialStatus.Active, issuedOn, actorUserId, at, null);
        return credential;
    }

    /// <summary>
    /// A credential brought in from the state's earlier register, its number kept. Its history is rebuilt through
    /// the same rules as a credential issued here: issued on the issue date, then each public discipline action
    /// on its date, then one <see cref="CredentialEventKind.Imported"/> entry (naming the import and its row) that
    /// moves it to the status the old system reported, from the date that status began (or the import date). Revoked
    /// stays final; nothing is dated after the import date or before the issue date. An import tells no one: the
    /// holders hear of their records through their invitation to claim them.
    /// </summary>
    public static Credential Import(CredentialProgram program, Guid holderPersonId, ImportedCredential record, ImportSource source, Guid actorUserId, DateTimeOffset at)
    {
        var importedOn = source.ImportedOn;
        if (record.IssuedOn > importedOn) throw new DomainRuleException($"The issue date {record.IssuedOn:yyyy-MM-dd} is in the future.");
        if (record.ExpiresOn <= record.IssuedOn) throw new DomainRuleException($"The expiry date {record.ExpiresOn:yyyy-MM-dd} is not after the issue date {record.IssuedOn:yyyy-MM-dd}.");
        var since = record.StatusSince ?? importedOn;
        if (since > importedOn) throw new DomainRuleException($"The date the status began, {since:yyyy-MM-dd}, is in the future.");
        if (since < record.IssuedOn) throw new DomainRuleException($"The status cannot begin ({since:yyyy-MM-dd}) before the credential was issued ({record.IssuedOn:yyyy-MM-dd}).");
        if (record.Status is CredentialStatus.Expired or CredentialStatus.Lapsed && record.ExpiresOn >= since)
            throw new DomainRuleException($"A credential that is {record.Status.ToString().ToLowerInvariant()} must have expired before {since:yyyy-MM-dd}, the date that status began; it expires on {record.ExpiresOn:yyyy-MM-dd}.");

        var credential = new Credential
        {
            Id = Guid.CreateVersion7(),
            Number = record.Number,
            ProgramId = program.Id,
            StateCode = program.StateCode,
            HolderPersonId = holderPersonId,
            Status = CredentialStatus.Active,
            IssuedOn = record.IssuedOn,
            ExpiresOn = record.ExpiresOn,
        };
        credential.Record(CredentialEventKind.Issued, null, CredentialStatus.Active, record.IssuedOn, actorUserId, at, null);
        foreach (var action in record.PublicActions.OrderBy(a => a.EffectiveOn))
        {
            if (action.EffectiveOn > importedOn) throw new DomainRuleException($"The discipline action of {action.EffectiveOn:yyyy-MM-dd} is in the future.");
            if (action.EffectiveOn < record.IssuedOn) throw new DomainRuleException($"The discipline action of {action.EffectiveOn:yyyy-MM-dd} is before the credential was issued.");
            switch (action.Kind)
            {
                case CredentialEventKind.Reprimanded: credential.Reprimand(action.Reason, action.EffectiveOn, actorUserId, at); break;
                case CredentialEventKind.ProbationStarted:
                    credential.PlaceOnProbation(action.Reason, action.EndsOn ?? throw new DomainRuleException($"The probation of {action.EffectiveOn:yyyy-MM-dd} needs the date it ends."),
                        action.EffectiveOn, actorUserId, at);
                    break;
                case CredentialEventKind.Suspended: credential.Suspend(action.Reason, action.EffectiveOn, action.EndsOn, actorUserId, at); break;
                case CredentialEventKind.Revoked: credential.Revoke(action.Reason, action.EffectiveOn, actorUserId, at); break;
                default: throw new DomainRuleException($"'{action.Kind}' is not a public discipline action.");
            }
        }
        if (credential.Status == CredentialStatus.Revoked && record.Status != CredentialStatus.Revoked)
            throw new DomainRuleException($"The discipline history revokes the credential, but its status is {record.Status.ToString().ToLowerInvariant()}; a revocation is final.");
        credential.EnsureNotBeforeLastChange(since);
        var from = credential.Status;
        credential.Status = record.Status;
        if (record.Status is not (CredentialStatus.Probation or CredentialStatus.Suspended)) credential.ClearRestriction();
        credential.Record(CredentialEventKind.Imported, from, record.Status, since, actorUserId, at, record.Note);
        credential._history[^1].CameFrom(source);
        credential.ClearDomainEvents();
        program.KeepImportedNumber(record.Number);
        return credential;
    }

    public Guid Id { get; private set; }
    public CredentialNumber Number { get; private set; } = null!;
    public Guid ProgramId { get; private set; }
    public StateCode StateCode { get; private set; }
    public Guid HolderPersonId { get; private set; }
    public CredentialStatus Status { get; private set; }
    public DateOnly IssuedOn { get; private set; }
    public DateOnly ExpiresOn { get; private set; }
    public DateOnly? RestrictionEndsOn { get; private set; }
    public string? ProbationConditions { get; private set; }
    public int Version { get; private set; }
    public IReadOnlyList<CredentialEvent> History => _history;

    /// <summary>Every endorsement ever granted on the credential, withdrawn ones included.</summary>
    public IReadOnlyList<CredentialEndorsement> Endorsements => _endorsements;

    public IReadOnlyList<IDomainEvent> DomainEvents => _domainEvents;

    public void ClearDomainEvents() => _domainEvents.Clear();

    /// <summary>Active → Expired once the expiry date has passed.</summary>
    public void Expire(DateOnly today, DateTimeOffset at)
    {
        if (today <= ExpiresOn) throw new DomainRuleException($"Credential {Number} does not expire until after {ExpiresOn:yyyy-MM-dd}.");
        MoveTo(CredentialStatus.Expired, CredentialEventKind.Expired, NotBeforeLastChange(ExpiresOn.AddDays(1)), null, at, null);
    }

    /// <summary>Expired → Lapsed once the program's grace period after expiry has passed.</summary>
    public void Lapse(DateOnly today, int gracePeriodDays, DateTimeOffset at)
    {
        var graceEnds = ExpiresOn.AddDays(gracePeriodDays);
        if (today <= graceEnds) throw new DomainRuleException($"Credential {Number} is in its grace period until {graceEnds:yyyy-MM-dd}.");
        MoveTo(CredentialStatus.Lapsed, CredentialEventKind.Lapsed, NotBeforeLastChange(graceEnds.AddDays(1)), null, at, null);
    }

    /// <summary>
    /// An approved renewal extends the expiry by one cycle from the old expiry, not from the approval date
    /// (a calendar-date program stays on its date). An expired credential in grace becomes active again, or
    /// goes back on probation if it expired during a probation that has not ended: letting a credential expire
    /// is no way out of a disciplinary condition. One on probation stays on probation.
    /// </summary>
    public void Renew(int renewalCycleMonths, DateOnly today, Guid actorUserId, DateTimeOffset at, string? reason = null)
    {
        if (Status is not (CredentialStatus.Active or CredentialStatus.Probation or CredentialStatus.Expired))
            throw new DomainRuleException($"A credential that is {Status.ToString().ToLowerInvariant()} cannot be renewed.");
        // Checked before the expiry moves, so a refused renewal changes nothing.
        EnsureNotBeforeLastChange(today);
        ExpiresOn = ExpiresOn.AddMonths(renewalCycleMonths);
        if (Status == CredentialStatus.Expired)
        {
            var probationRuns = ProbationRunsOn(today);
            MoveTo(probationRuns ? CredentialStatus.Probation : CredentialStatus.Active, CredentialEventKind.Renewed, today, actorUserId, at, reason);
            if (!probationRuns) ClearRestriction();
        }
        else
            Record(CredentialEventKind.Renewed, Status, Status, today, actorUserId, at, reason);
    }

    /// <summary>
    /// An approved reinstatement after lapse: Lapsed → Active (or back on probation, if it lapsed during a
    /// probation that has not ended), with a new expiry counted from the approval date as for a new
    /// credential; the number and the original issue date stay.
    /// </summary>
    public void ReinstateAfterLapse(ProgramRequirements rules, DateOnly today, Guid actorUserId, DateTimeOffset at)
    {
        if (Status != CredentialStatus.Lapsed)
            throw new DomainRuleException($"Credential {Number} is {Status.ToString().ToLowerInvariant()}; only a lapsed credential is reinstated this way.");
        EnsureNotBeforeLastChange(today);
        var probationRuns = ProbationRunsOn(today);
        ExpiresOn = rules.ExpiryFor(today);
        MoveTo(probationRuns ? CredentialStatus.Probation : CredentialStatus.Active, CredentialEventKind.Reinstated, today, actorUserId, at,
            "Reinstated after lapse.", expected: CredentialStatus.Lapsed);
        if (!probationRuns) ClearRestriction();
    }

    /// <summary>
    /// The first day of the current cycle: the expiry that the last renewal extended, the day of a
    /// reinstatement after lapse, or the issue date in the first cycle. Continuing education counts from here.
    /// </summary>
    public DateOnly CycleStartsOn
    {
        get
        {
            var start = IssuedOn;
            DateOnly? expiryBefore = null;
            foreach (var e in _history.OrderBy(e => e.Sequence))
            {
                if (e.Kind == CredentialEventKind.Renewed && expiryBefore is { } previous) start = previous;
                if (e.Kind == CredentialEventKind.Reinstated && e.FromStatus == CredentialStatus.Lapsed) start = e.EffectiveOn;
                expiryBefore = e.ExpiresOnAfter;
            }
            return start;
        }
    }

    /// <summary>The days on which the holder may start a renewal: from the window's opening to the end of the grace period.</summary>
    public RenewalWindow RenewalWindow(ProgramRequirements rules) => Credentials.RenewalWindow.For(ExpiresOn, rules);

    /// <summary>Why the holder may not start a renewal today; null when they may.</summary>
    public string? WhyNotRenewable(ProgramRequirements rules, DateOnly today)
    {
        var window = RenewalWindow(rules);
        if (Status == CredentialStatus.Lapsed || (Status == CredentialStatus.Expired && today > window.ClosesOn))
            return $"Credential {Number} expired on {ExpiresOn:MMMM d, yyyy} and its grace period ended on {window.ClosesOn:MMMM d, yyyy}; it can no longer be renewed. Apply for reinstatement instead.";
        if (Status is not (CredentialStatus.Active or CredentialStatus.Probation or CredentialStatus.Expired))
            return $"Credential {Number} is {Status.ToString().ToLowerInvariant()}; it cannot be renewed.";
        if (today < window.OpensOn)
            return $"Renewal of credential {Number} opens on {window.OpensOn:MMMM d, yyyy}, {rules.RenewalWindowDays} days before it expires on {ExpiresOn:MMMM d, yyyy}.";
        if (today > window.ClosesOn)
            return $"Credential {Number}'s grace period ended on {window.ClosesOn:MMMM d, yyyy}; it can no longer be renewed. Apply for reinstatement instead.";
        return null;
    }

    public void EnsureRenewable(ProgramRequirements rules, DateOnly today)
    {
        if (WhyNotRenewable(rules, today) is { } reason) throw new DomainRuleException(reason);
    }

    /// <summary>
    /// Reinstatement is the path back for a lapsed credential, or for an expired one whose grace period has
    /// passed before the nightly job marked it lapsed; null when the holder may apply today.
    /// </summary>
    public string? WhyNotReinstatable(ProgramRequirements rules, DateOnly today) =>
        Status == CredentialStatus.Lapsed || (Status == CredentialStatus.Expired && today > RenewalWindow(rules).ClosesOn)
            ? null
            : Status is CredentialStatus.Active or CredentialStatus.Probation or CredentialStatus.Expired
                ? $"Credential {Number} has not lapsed; renew it instead while the renewal window is open."
                : $"Credential {Number} is {Status.ToString().ToLowerInvariant()}; only a lapsed credential can be reinstated through an application.";

    public void EnsureReinstatable(ProgramRequirements rules, DateOnly today)
    {
        if (WhyNotReinstatable(rules, today) is { } reason) throw new DomainRuleException(reason);
    }

    public void PlaceOnProbation(string conditions, DateOnly endsOn, DateOnly effectiveOn, Guid actorUserId, DateTimeOffset at, Guid? disciplineCaseId = null)
    {
        if (string.IsNullOrWhiteSpace(conditions)) throw new DomainRuleException("Probation needs its conditions.");
        if (endsOn <= effectiveOn) throw new DomainRuleException("Probation must end after it starts.");
        MoveTo(CredentialStatus.Probation, CredentialEventKind.ProbationStarted, effectiveOn, actorUserId, at, conditions.Trim(), expected: CredentialStatus.Active,
            disciplineCaseId: disciplineCaseId);
        ProbationConditions = conditions.Trim();
        RestrictionEndsOn = endsOn;
    }

    public void EndProbation(DateOnly effectiveOn, Guid actorUserId, DateTimeOffset at, string? reason)
    {
        MoveTo(CredentialStatus.Active, CredentialEventKind.ProbationEnded, effectiveOn, actorUserId, at, reason, expected: CredentialStatus.Probation);
        ClearRestriction();
    }

    public void Suspend(string reason, DateOnly effectiveOn, DateOnly? endsOn, Guid actorUserId, DateTimeOffset at, Guid? disciplineCaseId = null)
    {
        if (endsOn is { } end && end <= effectiveOn) throw new DomainRuleException("A suspension must end after it starts.");
        MoveTo(CredentialStatus.Suspended, CredentialEventKind.Suspended, effectiveOn, actorUserId, at, RequireReason(reason), disciplineCaseId: disciplineCaseId);
        ProbationConditions = null;
        RestrictionEndsOn = endsOn;
    }

    public void Reinstate(DateOnly effectiveOn, Guid actorUserId, DateTimeOffset at, string? reason)
    {
        MoveTo(CredentialStatus.Active, CredentialEventKind.Reinstated, effectiveOn, actorUserId, at, reason, expected: CredentialStatus.Suspended);
        ClearRestriction();
    }

    public void Revoke(string reason, DateOnly effectiveOn, Guid actorUserId, DateTimeOffset at, Guid? disciplineCaseId = null)
    {
        MoveTo(CredentialStatus.Revoked, CredentialEventKind.Revoked, effectiveOn, actorUserId, at, RequireReason(reason), disciplineCaseId: disciplineCaseId);
        ClearRestriction();
    }

    /// <summary>A public reprimand: the status does not change, the action is on the record.</summary>
    public void Reprimand(string reason, DateOnly effectiveOn, Guid actorUserId, DateTimeOffset at, Guid? disciplineCaseId = null)
    {
        if (Status is CredentialStatus.Revoked or CredentialStatus.Relinquished or CredentialStatus.Lapsed)
            throw new DomainRuleException($"Credential {Number} is {Status.ToString().ToLowerInvariant()}; it cannot be reprimanded.");
        EnsureNotBeforeLastChange(effectiveOn);
        Record(CredentialEventKind.Reprimanded, Status, Status, effectiveOn, actorUserId, at, RequireReason(reason), disciplineCaseId);
    }

    /// <summary>A step of a discipline case that changes no status (opened, response received, closed without action).</summary>
    internal void RecordCaseStep(CredentialEventKind kind, DateOnly effectiveOn, Guid? actorUserId, DateTimeOffset at, Guid disciplineCaseId) =>
        Record(kind, Status, Status, NotBeforeLastChange(effectiveOn), actorUserId, at, null, disciplineCaseId);

    public void Relinquish(DateOnly effectiveOn, Guid actorUserId, DateTimeOffset at, string? reason) =>
        MoveTo(CredentialStatus.Relinquished, CredentialEventKind.Relinquished, effectiveOn, actorUserId, at, reason);

    /// <summary>
    /// Grants the program's endorsement <paramref name="definition"/> from <paramref name="grantedOn"/>: only on a credential
    /// in force (active or on probation), and not while the holder already has it (granted and not withdrawn).
    /// </summary>
    public CredentialEndorsement GrantEndorsement(EndorsementDefinition definition, DateOnly grantedOn, Guid actorUserId, DateTimeOffset at, Guid? applicationId = null,
        string? reason = null)
    {
        if (Status is not (CredentialStatus.Active or CredentialStatus.Probation))
            throw new DomainRuleException($"Credential {Number} is {Status.ToString().ToLowerInvariant()}; an endorsement is granted only on a credential in force.");
        if (HasEndorsement(definition.Code)) throw new DomainRuleException($"Credential {Number} already carries the endorsement {definition.Code}.");
        EnsureNotBeforeLastChange(grantedOn);
        var endorsement = new CredentialEndorsement(Id, definition.Code, grantedOn, applicationId);
        _endorsements.Add(endorsement);
        Record(CredentialEventKind.EndorsementGranted, Status, Status, grantedOn, actorUserId, at, reason, endorsementCode: definition.Code);
        return endorsement;
    }

    /// <summary>Staff withdraw an endorsement, with a reason; the credential itself does not change.</summary>
    public void WithdrawEndorsement(string code, string reason, DateOnly effectiveOn, Guid actorUserId, DateTimeOffset at)
    {
        var endorsement = _endorsements.SingleOrDefault(e => e.Code == code && e.WithdrawnOn is null)
            ?? throw new DomainRuleException($"Credential {Number} carries no endorsement {code} to withdraw.");
        var why = RequireReason(reason);
        if (why.Length > CredentialEndorsement.ReasonMaxLength) throw new DomainRuleException($"The reason is at most {CredentialEndorsement.ReasonMaxLength} characters.");
        EnsureNotBeforeLastChange(effectiveOn);
        endorsement.Withdraw(effectiveOn, why);
        Record(CredentialEventKind.EndorsementWithdrawn, Status, Status, effectiveOn, actorUserId, at, why, endorsementCode: endorsement.Code);
    }

    /// <summary>Whether the holder has the endorsement now (granted and not withdrawn; it may have ended with the credential).</summary>
    public bool HasEndorsement(string code) => _endorsements.Any(e => e.Code == code && e.WithdrawnOn is null);

    /// <summary>The codes of the endorsements in force on <paramref name="date"/>, from their dates and the credential's history.</summary>
    public IReadOnlyList<string> EndorsementsInForceOn(DateOnly date)
    {
        var status = StatusOn(date);
        return _endorsements.Where(e => e.InForceOn(date, status)).Select(e => e.Code).Distinct().Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The status on a date, replayed from the history; null before the credential was issued.</summary>
    public CredentialStatus? StatusOn(DateOnly date) =>
        _history
            .Where(e => e.EffectiveOn <= date)
            .OrderBy(e => e.EffectiveOn).ThenBy(e => e.Sequence)
            .Select(e => (CredentialStatus?)e.ToStatus)
            .LastOrDefault();

    /// <summary>Whether a probation this credential was under (before it expired) still runs on <paramref name="date"/>.</summary>
    private bool ProbationRunsOn(DateOnly date) => ProbationConditions is not null && RestrictionEndsOn > date;

    private void ClearRestriction()
    {
        ProbationConditions = null;
        RestrictionEndsOn = null;
    }

    private void MoveTo(CredentialStatus to, CredentialEventKind kind, DateOnly effectiveOn, Guid? actorUserId, DateTimeOffset at, string? reason,
        CredentialStatus? expected = null, Guid? disciplineCaseId = null)
    {
        if ((expected is { } required && Status != required) || !CredentialStatusRules.AllowedMoves.Contains((Status, to)))
            throw new DomainRuleException($"Credential {Number} is {Status.ToString().ToLowerInvariant()}; it cannot be {Describe(kind)}.");
        EnsureNotBeforeLastChange(effectiveOn);
        var from = Status;
        Status = to;
        Record(kind, from, to, effectiveOn, actorUserId, at, reason, disciplineCaseId);
    }

    /// <summary>The date a system change takes effect: its own, or the last change's if that came later (e.g. a reinstatement after expiry).</summary>
    private DateOnly NotBeforeLastChange(DateOnly date) =>
        _history.Count > 0 && _history[^1].EffectiveOn > date ? _history[^1].EffectiveOn : date;

    private void EnsureNotBeforeLastChange(DateOnly effectiveOn)
    {
        if (_history.Count > 0 && effectiveOn < _history[^1].EffectiveOn)
            throw new DomainRuleException("A status change cannot take effect before the credential's last change.");
    }

    private void Record(CredentialEventKind kind, CredentialStatus? from, CredentialStatus to, DateOnly effectiveOn, Guid? actorUserId, DateTimeOffset at, string? reason,
        Guid? disciplineCaseId = null, string? endorsementCode = null)
    {
        var entry = new CredentialEvent(Id, _history.Count + 1, kind, from, to, effectiveOn, ExpiresOn, actorUserId, at, reason, endorsementCode);
        _history.Add(entry);
        _domainEvents.Add(new CredentialChanged(Id, entry.Id, HolderPersonId, ProgramId, kind, from, to, effectiveOn, actorUserId, disciplineCaseId, at)
        {
            EndorsementCode = endorsementCode,
        });
    }

    private static string RequireReason(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? throw new DomainRuleException("This decision needs a stated reason.") : reason.Trim();

    private static string Describe(CredentialEventKind kind) => kind switch
    {
        CredentialEventKind.ProbationStarted => "placed on probation",
        CredentialEventKind.ProbationEnded => "taken off probation",
        CredentialEventKind.EndorsementGranted => "given an endorsement",
        CredentialEventKind.EndorsementWithdrawn => "have an endorsement withdrawn",
        _ => kind.ToString().ToLowerInvariant(),
    };
}

/// <summary>One entry in a credential's append-only history.</summary>
public sealed class CredentialEvent
{
    private CredentialEvent() { }

    internal CredentialEvent(Guid credentialId, int sequence, CredentialEventKind kind, CredentialStatus? fromStatus, CredentialStatus toStatus,
        DateOnly effectiveOn, DateOnly expiresOnAfter, Guid? actorUserId, DateTimeOffset recordedAt, string? reason, string? endorsementCode = null)
    {
        EndorsementCode = endorsementCode;
        Id = Guid.CreateVersion7();
        CredentialId = credentialId;
        Sequence = sequence;
        Kind = kind;
        FromStatus = fromStatus;
        ToStatus = toStatus;
        EffectiveOn = effectiveOn;
        ExpiresOnAfter = expiresOnAfter;
        ActorUserId = actorUserId;
        RecordedAt = recordedAt;
        Reason = reason;
    }

    public Guid Id { get; private set; }
    public Guid CredentialId { get; private set; }
    public int Sequence { get; private set; }
    public CredentialEventKind Kind { get; private set; }
    public CredentialStatus? FromStatus { get; private set; }
    public CredentialStatus ToStatus { get; private set; }
    public DateOnly EffectiveOn { get; private set; }
    public DateOnly ExpiresOnAfter { get; private set; }

    /// <summary>Null when the system made the change (expiry, lapse).</summary>
    public Guid? ActorUserId { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>Staff's stated reason; private to the holder and staff even where the action itself is public.</summary>
    public string? Reason { get; private set; }

    /// <summary>For an endorsement granted or withdrawn: its code.</summary>
    public string? EndorsementCode { get; private set; }

    /// <summary>For an <see cref="CredentialEventKind.Imported"/> entry: the register import and the row of its file it came from.</summary>
    public Guid? RegisterImportId { get; private set; }

    public int? ImportRow { get; private set; }

    public bool IsPublicAction => Kind.IsPublicAction();

    internal void CameFrom(ImportSource source)
    {
        RegisterImportId = source.RegisterImportId;
        ImportRow = source.Row;
    }
}

/// <summary>Where an imported credential came from: the import, the row of its file, and the day it was imported.</summary>
public sealed record ImportSource(Guid RegisterImportId, int Row, DateOnly ImportedOn);

/// <summary>A public discipline action from the earlier register; <see cref="EndsOn"/> for a probation or suspension with an end.</summary>
public sealed record ImportedAction(CredentialEventKind Kind, DateOnly EffectiveOn, DateOnly? EndsOn, string Reason);

/// <summary>A credential as the state's earlier register reports it; <see cref="Note"/> goes on the imported entry (e.g. the CE hours of the current cycle).</summary>
public sealed record ImportedCredential(CredentialNumber Number, DateOnly IssuedOn, DateOnly ExpiresOn, CredentialStatus Status, DateOnly? StatusSince,
    IReadOnlyList<ImportedAction> PublicActions, string? Note);

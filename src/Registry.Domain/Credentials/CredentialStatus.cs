namespace Registry.Domain.Credentials;

public enum CredentialStatus
{
    Active,
    Probation,
    Suspended,
    Expired,
    Lapsed,
    Revoked,
    Relinquished,
}

public enum CredentialEventKind
{
    Issued,
    Renewed,
    Expired,
    Lapsed,
    ProbationStarted,
    ProbationEnded,
    Suspended,
    Reinstated,
    Revoked,
    Relinquished,
    Reprimanded,
    CaseOpened,
    ResponseReceived,
    CaseClosed,

    /// <summary>Brought in from the state's earlier register by a <see cref="RegisterImport"/>: the status the old system reported, from the date it gave.</summary>
    Imported,

    /// <summary>A specialty endorsement was granted on the credential (<see cref="CredentialEvent.EndorsementCode"/>); the status does not change.</summary>
    EndorsementGranted,

    /// <summary>Staff withdrew an endorsement, with a reason; the status does not change.</summary>
    EndorsementWithdrawn,
}

public static class CredentialStatusRules
{
    /// <summary>Every status move the credential allows; anything else is refused. Revoked is final.</summary>
    public static readonly IReadOnlySet<(CredentialStatus From, CredentialStatus To)> AllowedMoves = new HashSet<(CredentialStatus, CredentialStatus)>
    {
        (CredentialStatus.Active, CredentialStatus.Expired),
        (CredentialStatus.Probation, CredentialStatus.Expired),
        (CredentialStatus.Expired, CredentialStatus.Lapsed),
        (CredentialStatus.Expired, CredentialStatus.Active),
        (CredentialStatus.Expired, CredentialStatus.Probation), // renewed in grace while a probation still runs
        (CredentialStatus.Lapsed, CredentialStatus.Active),
        (CredentialStatus.Lapsed, CredentialStatus.Probation), // reinstated while a probation still runs
        (CredentialStatus.Active, CredentialStatus.Probation),
        (CredentialStatus.Probation, CredentialStatus.Active),
        (CredentialStatus.Active, CredentialStatus.Suspended),
        (CredentialStatus.Probation, CredentialStatus.Suspended),
        (CredentialStatus.Suspended, CredentialStatus.Active),
        (CredentialStatus.Active, CredentialStatus.Revoked),
        (CredentialStatus.Probation, CredentialStatus.Revoked),
        (CredentialStatus.Suspended, CredentialStatus.Revoked),
        (CredentialStatus.Active, CredentialStatus.Relinquished),
    };

    /// <summary>Disciplinary actions that verifiers see; the case's notes never are.</summary>
    public static bool IsPublicAction(this CredentialEventKind kind) =>
        kind is CredentialEventKind.Reprimanded or CredentialEventKind.ProbationStarted or CredentialEventKind.Suspended or CredentialEventKind.Revoked;
}

using Registry.Domain.Credentials;

namespace Registry.Domain.Employers;

/// <summary>A credential on an employer's watch-list: the employer is told of every status change after <see cref="AddedAt"/>.</summary>
public sealed class WatchedCredential
{
    private WatchedCredential() { }

    public WatchedCredential(Guid employerId, Guid credentialId, Guid? addedByUserId, DateTimeOffset addedAt)
    {
        Id = Guid.CreateVersion7();
        EmployerId = employerId;
        CredentialId = credentialId;
        AddedByUserId = addedByUserId;
        AddedAt = addedAt;
    }

    public Guid Id { get; private set; }
    public Guid EmployerId { get; private set; }
    public Guid CredentialId { get; private set; }
    public Guid? AddedByUserId { get; private set; }
    public DateTimeOffset AddedAt { get; private set; }

    /// <summary>The history entries a watcher hears about: every change of status, renewals, and endorsements granted or withdrawn.</summary>
    public static readonly IReadOnlyList<CredentialEventKind> NotifiedKinds =
    [
        CredentialEventKind.Renewed, CredentialEventKind.Expired, CredentialEventKind.Lapsed,
        CredentialEventKind.ProbationStarted, CredentialEventKind.ProbationEnded,
        CredentialEventKind.Suspended, CredentialEventKind.Reinstated, CredentialEventKind.Revoked, CredentialEventKind.Relinquished,
        CredentialEventKind.EndorsementGranted, CredentialEventKind.EndorsementWithdrawn,
    ];
}

/// <summary>
/// One watching employer told of one history entry. Unique per (employer, entry): this row is what makes
/// "each watching employer exactly once per change" hold, whoever recorded the change and however.
/// </summary>
public sealed class WatchAlert
{
    private WatchAlert() { }

    public WatchAlert(Guid employerId, Guid credentialId, Guid credentialEventId, CredentialEventKind kind, CredentialStatus status, DateOnly effectiveOn, DateTimeOffset createdAt)
    {
        Id = Guid.CreateVersion7();
        EmployerId = employerId;
        CredentialId = credentialId;
        CredentialEventId = credentialEventId;
        Kind = kind;
        Status = status;
        EffectiveOn = effectiveOn;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public Guid EmployerId { get; private set; }
    public Guid CredentialId { get; private set; }
    public Guid CredentialEventId { get; private set; }
    public CredentialEventKind Kind { get; private set; }
    public CredentialStatus Status { get; private set; }
    public DateOnly EffectiveOn { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
}

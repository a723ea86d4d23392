namespace Registry.Domain.Auditing;

/// <summary>
/// One state change, who made it and what it changed; or (by <see cref="Kind"/>) a sign-in, a refusal, or a read of
/// personal data, with the caller's address. Append-only: nothing updates or deletes these.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry() { }

    public AuditEntry(DateTimeOffset at, Guid? actorUserId, string? actorName, string action, string entityType, string entityId, string? before, string? after, string? stateCode,
        AuditKind kind = AuditKind.Change, string? clientAddress = null)
    {
        Kind = kind;
        ClientAddress = clientAddress;
        Id = Guid.CreateVersion7();
        At = at;
        ActorUserId = actorUserId;
        ActorName = actorName;
        Action = action;
        EntityType = entityType;
        EntityId = entityId;
        Before = before;
        After = after;
        StateCode = stateCode;
    }

    public Guid Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public Guid? ActorUserId { get; private set; }
    public string? ActorName { get; private set; }
    public string Action { get; private set; } = "";
    public string EntityType { get; private set; } = "";
    public string EntityId { get; private set; } = "";
    public string? Before { get; private set; }
    public string? After { get; private set; }
    public string? StateCode { get; private set; }
    public AuditKind Kind { get; private set; }

    /// <summary>The caller's network address (after the trusted proxies), for sign-ins, refusals and reads.</summary>
    public string? ClientAddress { get; private set; }
}

/// <summary>What an audit entry records.</summary>
public enum AuditKind
{
    /// <summary>A saved change, with the values before and after.</summary>
    Change,

    /// <summary>A sign-in, successful or not (<c>SignIn</c>, <c>SignInFailed</c>); never the password.</summary>
    SignIn,

    /// <summary>A request refused as forbidden (403).</summary>
    Refusal,

    /// <summary>A download of personal data: what (kind and id), never its contents.</summary>
    Access,
}

namespace Registry.Domain.Auditing;

/// <summary>One state change, who made it and what it changed. Append-only: nothing updates or deletes these.</summary>
public sealed class AuditEntry
{
    private AuditEntry() { }

    public AuditEntry(DateTimeOffset at, Guid? actorUserId, string? actorName, string action, string entityType, string entityId, string? before, string? after, string? stateCode)
    {
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
}

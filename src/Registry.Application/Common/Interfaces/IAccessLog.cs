using Registry.Domain.Auditing;
using Registry.Domain.Jurisdictions;

namespace Registry.Application.Common.Interfaces;

/// <summary>
/// The audit log's entries that are not saved changes: sign-ins, refusals and reads of personal data. Each is written
/// at once, in a save of its own (never with a request's pending changes), with the caller's address.
/// </summary>
public interface IAccessLog
{
    Task RecordAsync(AccessEvent entry, CancellationToken cancellationToken = default);
}

/// <summary>
/// What happened (<paramref name="Action"/>, e.g. <c>DownloadEvidence</c>) to which record (its kind and id, never its
/// contents), in which state; <paramref name="Detail"/> is a small JSON object (an outcome, a reason).
/// </summary>
public sealed record AccessEvent(AuditKind Kind, string Action, string SubjectType, string SubjectId, StateCode? State = null, string? Detail = null)
{
    /// <summary>Who acted, when not the request's signed-in user (a sign-in names the account tried).</summary>
    public (Guid? UserId, string? Name)? Actor { get; init; }
}

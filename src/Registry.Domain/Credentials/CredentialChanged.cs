using Registry.Domain.Common;

namespace Registry.Domain.Credentials;

/// <summary>
/// An entry was added to a credential's history: a status move or a decision that keeps the status (a renewal,
/// a reprimand, a step of a discipline case, which it names). Changes the expiry job makes in SQL are not raised.
/// </summary>
public sealed record CredentialChanged(Guid CredentialId, Guid HistoryEntryId, Guid HolderPersonId, Guid ProgramId, CredentialEventKind Kind,
    CredentialStatus? From, CredentialStatus To, DateOnly EffectiveOn, Guid? ActorUserId, Guid? DisciplineCaseId, DateTimeOffset At) : IDomainEvent
{
    /// <summary>For an endorsement granted or withdrawn: its code.</summary>
    public string? EndorsementCode { get; init; }
}

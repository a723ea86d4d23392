using Registry.Domain.Common;

namespace Registry.Domain.Applications;

/// <summary>An application moved from one status to another; the applicant is told, with the reason.</summary>
public sealed record ApplicationStatusChanged(Guid ApplicationId, Guid HistoryEntryId, Guid PersonId, Guid ProgramId,
    ApplicationStatus? From, ApplicationStatus To, string? Reason, DateTimeOffset At) : IDomainEvent;

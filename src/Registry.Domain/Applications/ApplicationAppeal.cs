using Registry.Domain.Common;

namespace Registry.Domain.Applications;

public enum AppealStatus
{
    Open,

    /// <summary>The denial stands.</summary>
    Upheld,

    /// <summary>The denial is set aside and the application is under review again.</summary>
    Overturned,
}

/// <summary>
/// An applicant's appeal of a denial, with their statement; staff uphold or overturn it, with a reason the
/// applicant reads. Part of the application aggregate: only <see cref="CertificationApplication"/> changes it.
/// </summary>
public sealed class ApplicationAppeal
{
    public const int StatementMaxLength = 4000;

    private ApplicationAppeal() { }

    internal ApplicationAppeal(Guid applicationId, string statement, Guid filedByUserId, DateTimeOffset filedAt)
    {
        Id = Guid.CreateVersion7();
        ApplicationId = applicationId;
        Statement = statement;
        FiledByUserId = filedByUserId;
        FiledAt = filedAt;
        Status = AppealStatus.Open;
    }

    public Guid Id { get; private set; }
    public Guid ApplicationId { get; private set; }
    [PrivateData] public string Statement { get; private set; } = "";
    public Guid FiledByUserId { get; private set; }
    public DateTimeOffset FiledAt { get; private set; }
    public AppealStatus Status { get; private set; }
    public Guid? DecidedByUserId { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DecisionReason { get; private set; }

    public bool IsOpen => Status == AppealStatus.Open;

    internal void Decide(AppealStatus outcome, string reason, Guid actorUserId, DateTimeOffset at)
    {
        if (!IsOpen) throw new DomainRuleException("This appeal has already been decided.");
        Status = outcome;
        DecisionReason = reason;
        DecidedByUserId = actorUserId;
        DecidedAt = at;
    }
}

/// <summary>An appeal was filed, upheld or overturned; the applicant is told, with the reason.</summary>
public sealed record ApplicationAppealChanged(Guid ApplicationId, Guid AppealId, Guid PersonId, Guid ProgramId,
    AppealStatus Status, string? Reason, DateOnly? AppealUntil, DateTimeOffset At) : IDomainEvent;

using Registry.Domain.Common;

namespace Registry.Domain.Applications;

/// <summary>
/// A person's request for a program's credential (initial, renewal, reciprocity or reinstatement).
/// Every status change is recorded with who made it, when, and why.
/// </summary>
public sealed class CertificationApplication : IVersioned
{
    private readonly List<ApplicationStatusChange> _history = [];

    private CertificationApplication() { }

    public static CertificationApplication Start(Guid personId, Guid programId, ApplicationType type, Guid actorUserId, DateTimeOffset at)
    {
        var application = new CertificationApplication
        {
            Id = Guid.CreateVersion7(),
            PersonId = personId,
            ProgramId = programId,
            Type = type,
            Status = ApplicationStatus.Draft,
            CreatedAt = at,
        };
        application._history.Add(new ApplicationStatusChange(application.Id, null, ApplicationStatus.Draft, actorUserId, at, null));
        return application;
    }

    public Guid Id { get; private set; }
    public Guid PersonId { get; private set; }
    public Guid ProgramId { get; private set; }
    public ApplicationType Type { get; private set; }
    public ApplicationStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DecisionReason { get; private set; }
    public int Version { get; private set; }
    public IReadOnlyList<ApplicationStatusChange> History => _history;

    public bool IsOpen => Status.IsOpen();

    public void Submit(Guid actorUserId, DateTimeOffset at)
    {
        MoveTo(ApplicationStatus.Submitted, actorUserId, at, null);
        SubmittedAt = at;
    }

    public void BeginReview(Guid reviewerUserId, DateTimeOffset at) => MoveTo(ApplicationStatus.UnderReview, reviewerUserId, at, null);

    public void RequestInformation(Guid reviewerUserId, DateTimeOffset at, string message) =>
        MoveTo(ApplicationStatus.InfoRequested, reviewerUserId, at, RequireReason(message, "A request for information needs a message to the applicant."));

    public void Approve(Guid reviewerUserId, DateTimeOffset at, string? note)
    {
        MoveTo(ApplicationStatus.Approved, reviewerUserId, at, note);
        Decide(at, note);
    }

    public void Deny(Guid reviewerUserId, DateTimeOffset at, string reason)
    {
        var stated = RequireReason(reason, "A denial needs a reason the applicant can read.");
        MoveTo(ApplicationStatus.Denied, reviewerUserId, at, stated);
        Decide(at, stated);
    }

    public void Withdraw(Guid actorUserId, DateTimeOffset at, string? reason) => MoveTo(ApplicationStatus.Withdrawn, actorUserId, at, reason);

    private void Decide(DateTimeOffset at, string? reason)
    {
        DecidedAt = at;
        DecisionReason = reason;
    }

    private void MoveTo(ApplicationStatus to, Guid actorUserId, DateTimeOffset at, string? reason)
    {
        if (!ApplicationStatusRules.AllowedMoves.Contains((Status, to)))
            throw new DomainRuleException($"An application that is {Describe(Status)} cannot become {Describe(to)}.");
        _history.Add(new ApplicationStatusChange(Id, Status, to, actorUserId, at, reason));
        Status = to;
    }

    private static string RequireReason(string? reason, string refusal) =>
        string.IsNullOrWhiteSpace(reason) ? throw new DomainRuleException(refusal) : reason.Trim();

    private static string Describe(ApplicationStatus status) => status switch
    {
        ApplicationStatus.UnderReview => "under review",
        ApplicationStatus.InfoRequested => "waiting for information",
        _ => status.ToString().ToLowerInvariant(),
    };
}

/// <summary>One entry in an application's history; never changed once written.</summary>
public sealed class ApplicationStatusChange
{
    private ApplicationStatusChange() { }

    internal ApplicationStatusChange(Guid applicationId, ApplicationStatus? from, ApplicationStatus to, Guid actorUserId, DateTimeOffset at, string? reason)
    {
        Id = Guid.CreateVersion7();
        ApplicationId = applicationId;
        From = from;
        To = to;
        ActorUserId = actorUserId;
        At = at;
        Reason = reason;
    }

    public Guid Id { get; private set; }
    public Guid ApplicationId { get; private set; }
    public ApplicationStatus? From { get; private set; }
    public ApplicationStatus To { get; private set; }
    public Guid ActorUserId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string? Reason { get; private set; }
}

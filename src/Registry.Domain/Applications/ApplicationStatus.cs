namespace Registry.Domain.Applications;

public enum ApplicationStatus
{
    Draft,
    Submitted,
    UnderReview,
    InfoRequested,
    Approved,
    Denied,
    Withdrawn,
}

public enum ApplicationType
{
    Initial,
    Renewal,
    Reciprocity,
    Reinstatement,
    /// <summary>The holder of a credential in force applies for one of its program's specialty endorsements.</summary>
    Endorsement,
}

public static class ApplicationStatusRules
{
    public static readonly IReadOnlyList<ApplicationStatus> OpenStatuses =
        [ApplicationStatus.Draft, ApplicationStatus.Submitted, ApplicationStatus.UnderReview, ApplicationStatus.InfoRequested];

    public static bool IsOpen(this ApplicationStatus status) => OpenStatuses.Contains(status);

    /// <summary>Every move the status machine allows; anything else is refused.</summary>
    public static readonly IReadOnlySet<(ApplicationStatus From, ApplicationStatus To)> AllowedMoves = new HashSet<(ApplicationStatus, ApplicationStatus)>
    {
        (ApplicationStatus.Draft, ApplicationStatus.Submitted),
        (ApplicationStatus.InfoRequested, ApplicationStatus.Submitted),
        (ApplicationStatus.Submitted, ApplicationStatus.UnderReview),
        (ApplicationStatus.UnderReview, ApplicationStatus.InfoRequested),
        (ApplicationStatus.UnderReview, ApplicationStatus.Approved),
        (ApplicationStatus.UnderReview, ApplicationStatus.Denied),
        (ApplicationStatus.Draft, ApplicationStatus.Withdrawn),
        (ApplicationStatus.Submitted, ApplicationStatus.Withdrawn),
        (ApplicationStatus.UnderReview, ApplicationStatus.Withdrawn),
        (ApplicationStatus.InfoRequested, ApplicationStatus.Withdrawn),
    };

    /// <summary>The one way out of a decision: an overturned appeal puts a denied application under review again.</summary>
    public static readonly IReadOnlySet<(ApplicationStatus From, ApplicationStatus To)> AppealMoves = new HashSet<(ApplicationStatus, ApplicationStatus)>
    {
        (ApplicationStatus.Denied, ApplicationStatus.UnderReview),
    };
}

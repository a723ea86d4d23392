using Registry.Domain.Applications;

namespace Registry.Bench.Generation;

public readonly record struct PlannedStatusChange(ApplicationStatus? From, ApplicationStatus To, DateTimeOffset At, bool ByStaff, string? Reason);

/// <summary>
/// Person <c>k</c>'s application: approved (and issued as credential <c>k</c>) for holders, otherwise in
/// one of the pipeline's statuses, with the history the status machine allows and records that meet
/// the program's requirements (a draft has only its first course).
/// </summary>
public sealed class ApplicationPlan
{
    private static readonly (double Below, ApplicationStatus Status)[] PipelineMix =
    [
        (0.25, ApplicationStatus.Draft), (0.45, ApplicationStatus.Submitted), (0.65, ApplicationStatus.UnderReview),
        (0.75, ApplicationStatus.InfoRequested), (0.90, ApplicationStatus.Denied), (1.0, ApplicationStatus.Withdrawn),
    ];

    private readonly List<PlannedStatusChange> _history = [];

    public ApplicationPlan(Catalog catalog, long person, CredentialPlan? credential)
    {
        var scale = catalog.Scale;
        var rng = new Rng(scale.Seed, Stream.Application, person);
        Program = credential?.Program ?? catalog.ProgramOf(person);
        if (credential is not null)
        {
            Status = ApplicationStatus.Approved;
            var decided = At(credential.IssuedOn, rng);
            CreatedAt = decided.AddDays(-rng.Between(45, 120));
            Move(null, ApplicationStatus.Draft, CreatedAt, byStaff: false);
            SubmittedAt = CreatedAt.AddDays(rng.Between(1, 20));
            Move(ApplicationStatus.Draft, ApplicationStatus.Submitted, SubmittedAt.Value, byStaff: false);
            Move(ApplicationStatus.Submitted, ApplicationStatus.UnderReview, SubmittedAt.Value.AddDays(rng.Between(1, 14)), byStaff: true);
            DecidedAt = decided;
            Move(ApplicationStatus.UnderReview, ApplicationStatus.Approved, decided, byStaff: true);
        }
        else
        {
            var x = rng.NextDouble();
            Status = PipelineMix.First(m => x < m.Below).Status;
            CreatedAt = scale.Now.AddDays(-rng.Between(20, 150)).AddMinutes(-rng.Next(600));
            Move(null, ApplicationStatus.Draft, CreatedAt, byStaff: false);
            var at = CreatedAt;
            DateTimeOffset Later() => at = at.AddDays(rng.Between(1, 5)).AddMinutes(rng.Next(300));
            if (Status != ApplicationStatus.Draft)
            {
                SubmittedAt = Later();
                Move(ApplicationStatus.Draft, ApplicationStatus.Submitted, SubmittedAt.Value, byStaff: false);
            }
            if (Status is ApplicationStatus.UnderReview or ApplicationStatus.InfoRequested or ApplicationStatus.Denied)
                Move(ApplicationStatus.Submitted, ApplicationStatus.UnderReview, Later(), byStaff: true);
            if (Status == ApplicationStatus.InfoRequested)
                Move(ApplicationStatus.UnderReview, ApplicationStatus.InfoRequested, Later(), byStaff: true, "Please upload the certificate for your ethics training.");
            if (Status == ApplicationStatus.Denied)
            {
                DecisionReason = "The training provider is not approved in this state.";
                DecidedAt = Later();
                Move(ApplicationStatus.UnderReview, ApplicationStatus.Denied, DecidedAt.Value, byStaff: true, DecisionReason);
            }
            if (Status == ApplicationStatus.Withdrawn)
                Move(ApplicationStatus.Submitted, ApplicationStatus.Withdrawn, Later(), byStaff: false, "Moved out of state.");
        }
        Complete = Status != ApplicationStatus.Draft;
        Reviewed = Status is ApplicationStatus.Approved or ApplicationStatus.Denied;
        Confirmed = Status is ApplicationStatus.Approved or ApplicationStatus.UnderReview or ApplicationStatus.InfoRequested or ApplicationStatus.Denied;
    }

    public ProgramSpec Program { get; }
    public ApplicationStatus Status { get; }
    public DateTimeOffset CreatedAt { get; }
    public DateTimeOffset? SubmittedAt { get; }
    public DateTimeOffset? DecidedAt { get; }
    public string? DecisionReason { get; }
    public IReadOnlyList<PlannedStatusChange> History => _history;

    /// <summary>Every record the program asks for is there (all but drafts).</summary>
    public bool Complete { get; }

    /// <summary>Staff have ruled on each record (approved and denied applications).</summary>
    public bool Reviewed { get; }

    /// <summary>Supervisors and referees have confirmed (once staff are looking at it).</summary>
    public bool Confirmed { get; }

    /// <summary>The day the work was done from: a few months before the application started.</summary>
    public DateOnly RecordsFrom => DateOnly.FromDateTime(CreatedAt.UtcDateTime).AddDays(-120);

    private void Move(ApplicationStatus? from, ApplicationStatus to, DateTimeOffset at, bool byStaff, string? reason = null) =>
        _history.Add(new PlannedStatusChange(from, to, at, byStaff, reason));

    private static DateTimeOffset At(DateOnly day, Rng rng) =>
        new(day.ToDateTime(new TimeOnly(13, 0)).AddMinutes(rng.Next(240)), TimeSpan.Zero);
}

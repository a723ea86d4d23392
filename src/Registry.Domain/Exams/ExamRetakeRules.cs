using Registry.Domain.Jurisdictions;

namespace Registry.Domain.Exams;

/// <summary>
/// A program's exam rules over one person's sittings: a pass ends them, a failed sitting is followed by the
/// retake wait, and only so many sittings fit in the attempt window. The applicant's <see cref="ExamReadiness"/>
/// and the staff's recording of a sitting both ask these, so the two can never disagree.
/// </summary>
public sealed class ExamRetakeRules
{
    private readonly ExamRequirement exam;
    private readonly List<(DateOnly TakenOn, bool Passed)> sittings;

    public ExamRetakeRules(ExamRequirement exam, IEnumerable<(DateOnly TakenOn, bool Passed)> sittings)
    {
        this.exam = exam;
        this.sittings = sittings.OrderBy(s => s.TakenOn).ToList();
    }

    public DateOnly? LastSatOn => sittings.Count > 0 ? sittings[^1].TakenOn : null;

    /// <summary>The day of the first pass, if any: after it there is nothing left to sit.</summary>
    public DateOnly? PassedOn => sittings.FindIndex(s => s.Passed) is var pass and >= 0 ? sittings[pass].TakenOn : null;

    /// <summary>The first day the retake wait allows another sitting; null before any sitting.</summary>
    public DateOnly? RetakeFrom => LastSatOn?.AddDays(exam.RetakeWaitDays);

    /// <summary>Sittings still allowed on <paramref name="day"/> within the attempt window that ends then.</summary>
    public int AttemptsLeftOn(DateOnly day) => Math.Max(0, exam.AttemptsAllowed - SittingsInWindowEndingOn(day).Count());

    /// <summary>
    /// When the window frees a sitting again, once every attempt in the window ending on <paramref name="day"/> is
    /// used: the day the earliest of them falls out of the window (see <see cref="SittingsInWindowEndingOn"/>).
    /// </summary>
    public DateOnly WindowReopensOn(DateOnly day) => SittingsInWindowEndingOn(day).Min(s => s.TakenOn).AddDays(exam.AttemptWindowDays);

    /// <summary>Why a sitting on <paramref name="takenOn"/> cannot be recorded, in words for staff, or null if it can.</summary>
    public string? RefusalToRecord(DateOnly takenOn)
    {
        if (LastSatOn is { } last && last >= takenOn)
            return $"A later or same-day sitting ({last:yyyy-MM-dd}) is already recorded; results are recorded in date order.";
        if (PassedOn is { } passed) return $"The person already passed the exam on {passed:yyyy-MM-dd}; no further sitting can be recorded.";
        if (RetakeFrom is { } from && from > takenOn)
            return $"Too soon to retake: the program asks for {exam.RetakeWaitDays} days after a failed attempt, so not before {from:yyyy-MM-dd}.";
        if (AttemptsLeftOn(takenOn) == 0)
            return $"All {exam.AttemptsAllowed} attempts allowed in {exam.AttemptWindowDays} days were already used.";
        return null;
    }

    private IEnumerable<(DateOnly TakenOn, bool Passed)> SittingsInWindowEndingOn(DateOnly day) =>
        sittings.Where(s => s.TakenOn > day.AddDays(-exam.AttemptWindowDays));
}

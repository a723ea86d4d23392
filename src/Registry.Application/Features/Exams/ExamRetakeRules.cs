using Registry.Domain.Exams;
using Registry.Domain.Jurisdictions;

namespace Registry.Application.Features.Exams;

/// <summary>
/// The program's retake rules seen from a sitting's date, in words for staff: the same rules
/// <see cref="ExamReadiness"/> tells the applicant about, applied to the day the exam was sat.
/// </summary>
public static class ExamRetakeRules
{
    /// <summary>Why a sitting on <paramref name="takenOn"/> cannot be recorded after <paramref name="history"/>, or null if it can.</summary>
    public static string? Refusal(ExamRequirement exam, IEnumerable<(DateOnly TakenOn, bool Passed)> history, DateOnly takenOn)
    {
        var earlier = history.OrderBy(a => a.TakenOn).ToList();
        if (earlier.Count > 0 && earlier[^1].TakenOn >= takenOn)
            return $"A later or same-day sitting ({earlier[^1].TakenOn:yyyy-MM-dd}) is already recorded; results are recorded in date order.";
        var pass = earlier.FindIndex(a => a.Passed);
        if (pass >= 0) return $"The person already passed the exam on {earlier[pass].TakenOn:yyyy-MM-dd}; no further sitting can be recorded.";
        if (earlier.Count > 0 && earlier[^1].TakenOn.AddDays(exam.RetakeWaitDays) > takenOn)
            return $"Too soon to retake: the program asks for {exam.RetakeWaitDays} days after a failed attempt, so not before {earlier[^1].TakenOn.AddDays(exam.RetakeWaitDays):yyyy-MM-dd}.";
        var windowStart = takenOn.AddDays(-exam.AttemptWindowDays);
        if (earlier.Count(a => a.TakenOn > windowStart) >= exam.AttemptsAllowed)
            return $"All {exam.AttemptsAllowed} attempts allowed in {exam.AttemptWindowDays} days were already used.";
        return null;
    }
}

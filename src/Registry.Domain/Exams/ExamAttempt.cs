using Registry.Domain.Common;
using Registry.Domain.Jurisdictions;

namespace Registry.Domain.Exams;

/// <summary>One sitting of a program's exam, recorded by state staff or imported from the testing vendor.</summary>
public sealed class ExamAttempt
{
    private ExamAttempt() { }

    public ExamAttempt(Guid personId, Guid programId, ExamRequirement exam, DateOnly takenOn, int score, int attemptNumber, Guid recordedByUserId, DateTimeOffset recordedAt)
    {
        if (score < 0) throw new DomainRuleException("A score cannot be negative.");
        if (attemptNumber < 1) throw new DomainRuleException("Attempts are numbered from 1.");
        Id = Guid.CreateVersion7();
        PersonId = personId;
        ProgramId = programId;
        TakenOn = takenOn;
        Score = score;
        Passed = exam.IsPassing(score);
        AttemptNumber = attemptNumber;
        RecordedByUserId = recordedByUserId;
        RecordedAt = recordedAt;
    }

    public Guid Id { get; private set; }
    public Guid PersonId { get; private set; }
    public Guid ProgramId { get; private set; }
    public DateOnly TakenOn { get; private set; }

    /// <summary>Shown to the person and their state's staff only.</summary>
    [PrivateData] public int Score { get; private set; }

    public bool Passed { get; private set; }
    public int AttemptNumber { get; private set; }
    public Guid RecordedByUserId { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
}

/// <summary>Whether a person may sit the exam now, and if not, why and from when.</summary>
public sealed record ExamReadiness(bool MaySit, string Reason, DateOnly? EarliestDate, int AttemptsLeft)
{
    public static ExamReadiness For(ExamRequirement exam, bool trainingComplete, IEnumerable<ExamAttempt> attempts, DateOnly today)
    {
        var history = attempts.OrderBy(a => a.TakenOn).ToList();
        var windowStart = today.AddDays(-exam.AttemptWindowDays);
        var attemptsLeft = Math.Max(0, exam.AttemptsAllowed - history.Count(a => a.TakenOn > windowStart));

        if (history.Any(a => a.Passed)) return new(false, "You have passed the exam.", null, attemptsLeft);
        if (!trainingComplete) return new(false, "Complete your training hours first; then you can sit the exam.", null, attemptsLeft);
        if (history.LastOrDefault() is { } last && last.TakenOn.AddDays(exam.RetakeWaitDays) > today)
        {
            var from = last.TakenOn.AddDays(exam.RetakeWaitDays);
            return new(false, $"You can retake the exam from {from:MMMM d, yyyy}.", from, attemptsLeft);
        }
        if (attemptsLeft == 0)
        {
            var from = history.Where(a => a.TakenOn > windowStart).Min(a => a.TakenOn).AddDays(exam.AttemptWindowDays + 1);
            return new(false, $"You have used all {exam.AttemptsAllowed} attempts for now; you can sit the exam again from {from:MMMM d, yyyy}.", from, 0);
        }
        return new(true, $"You may sit the exam. Attempts left: {attemptsLeft}.", today, attemptsLeft);
    }
}

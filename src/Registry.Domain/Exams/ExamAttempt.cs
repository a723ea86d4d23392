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
        var rules = new ExamRetakeRules(exam, attempts.Select(a => (a.TakenOn, a.Passed)));
        var attemptsLeft = rules.AttemptsLeftOn(today);

        if (rules.PassedOn is not null) return new(false, "You have passed the exam.", null, attemptsLeft);
        if (!trainingComplete) return new(false, "Complete your training hours first; then you can sit the exam.", null, attemptsLeft);
        if (rules.RetakeFrom is { } from && from > today)
            return new(false, $"You can retake the exam from {from:MMMM d, yyyy}.", from, attemptsLeft);
        if (attemptsLeft == 0)
        {
            var reopens = rules.WindowReopensOn(today);
            return new(false, $"You have used all {exam.AttemptsAllowed} attempts for now; you can sit the exam again from {reopens:MMMM d, yyyy}.", reopens, 0);
        }
        return new(true, $"You may sit the exam. Attempts left: {attemptsLeft}.", today, attemptsLeft);
    }
}

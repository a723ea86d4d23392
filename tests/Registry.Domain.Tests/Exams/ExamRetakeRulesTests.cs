using Registry.Domain.Exams;
using Registry.Domain.Jurisdictions;

namespace Registry.Domain.Tests.Exams;

/// <summary>The applicant's readiness and the staff's recording read the same rules: where one says "not yet", so does the other.</summary>
public class ExamRetakeRulesTests
{
    private static readonly ExamRequirement Exam = new(passingScore: 70, retakeWaitDays: 30, attemptsAllowed: 2, attemptWindowDays: 365);
    private static readonly DateOnly FirstSitting = new(2025, 1, 10);

    private static ExamAttempt Sat(DateOnly on, int score, int number) =>
        new(Guid.NewGuid(), Guid.NewGuid(), Exam, on, score, number, Guid.NewGuid(), new DateTimeOffset(on.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));

    private static (ExamReadiness Readiness, string? Refusal) Both(DateOnly on, params ExamAttempt[] attempts) =>
        (ExamReadiness.For(Exam, trainingComplete: true, attempts, on),
         new ExamRetakeRules(Exam, attempts.Select(a => (a.TakenOn, a.Passed))).RefusalToRecord(on));

    [Theory]
    [InlineData(29, false)]
    [InlineData(30, true)]
    public void After_a_failed_sitting_both_wait_the_programs_retake_days(int daysLater, bool allowed)
    {
        var (readiness, refusal) = Both(FirstSitting.AddDays(daysLater), Sat(FirstSitting, 50, 1));

        Assert.Equal(allowed, readiness.MaySit);
        Assert.Equal(allowed, refusal is null);
        if (!allowed)
        {
            Assert.Equal(FirstSitting.AddDays(30), readiness.EarliestDate);
            Assert.Contains($"not before {FirstSitting.AddDays(30):yyyy-MM-dd}", refusal);
        }
    }

    [Fact]
    public void Once_every_attempt_in_the_window_is_used_both_refuse_until_the_window_frees_one()
    {
        var attempts = new[] { Sat(FirstSitting, 50, 1), Sat(FirstSitting.AddDays(40), 60, 2) };
        var firstLeavesTheWindow = FirstSitting.AddDays(365);

        var (stillFull, refusal) = Both(firstLeavesTheWindow.AddDays(-1), attempts);
        var (freed, none) = Both(firstLeavesTheWindow, attempts);

        Assert.False(stillFull.MaySit);
        Assert.Equal(0, stillFull.AttemptsLeft);
        Assert.Equal(firstLeavesTheWindow, stillFull.EarliestDate); // the date told is the first day both allow
        Assert.Equal("All 2 attempts allowed in 365 days were already used.", refusal);
        Assert.True(freed.MaySit);
        Assert.Null(none);
    }

    [Fact]
    public void After_a_pass_there_is_nothing_left_to_sit_or_record()
    {
        var (readiness, refusal) = Both(FirstSitting.AddDays(100), Sat(FirstSitting, 80, 1));

        Assert.False(readiness.MaySit);
        Assert.Equal("You have passed the exam.", readiness.Reason);
        Assert.Equal($"The person already passed the exam on {FirstSitting:yyyy-MM-dd}; no further sitting can be recorded.", refusal);
    }

    [Fact]
    public void Staff_record_sittings_in_date_order()
    {
        var refusal = new ExamRetakeRules(Exam, [(FirstSitting, false)]).RefusalToRecord(FirstSitting);

        Assert.Equal($"A later or same-day sitting ({FirstSitting:yyyy-MM-dd}) is already recorded; results are recorded in date order.", refusal);
    }
}

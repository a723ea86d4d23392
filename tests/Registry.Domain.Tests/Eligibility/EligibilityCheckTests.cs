using Registry.Domain.Applications;
using Registry.Domain.Attestations;
using Registry.Domain.Eligibility;
using Registry.Domain.Exams;
using Registry.Domain.Jurisdictions;
using Registry.Domain.Tests.Support;

namespace Registry.Domain.Tests.Eligibility;

public sealed class EligibilityCheckTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);
    private static readonly RecordDates Dates = new(Today, new DateOnly(1990, 3, 1));
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
    private static readonly Dictionary<string, string> Titles = new() { ["lived"] = "Lived experience" };

    private static ProgramRequirements Rules() => Tennessee.Requirements(trainingHours: 10, domainHours: 6, supervisedWorkHours: 20, supervisionHours: 4,
        referencesRequired: 1, attestations: ["lived"]);

    private static EligibilityResult Evaluate(CertificationApplication application, bool reciprocity = false, params ExamAttempt[] attempts) =>
        EligibilityCheck.Evaluate(Rules(), ApplicantRecords.Of(application, attempts), Titles, reciprocity);

    private static CertificationApplication Draft() => CertificationApplication.Start(Guid.NewGuid(), Guid.NewGuid(), ApplicationType.Initial, Guid.NewGuid(), Now);

    [Fact]
    public void An_empty_application_lists_every_requirement_with_have_and_need()
    {
        var result = Evaluate(Draft());

        Assert.Equal(["training", "training:ETH", "work", "supervision", "references", "attestation:lived", "exam"], result.Requirements.Select(r => r.Code));
        Assert.Equal("Training: 0 of 10 hours.", result.Requirements[0].Sentence);
        Assert.Equal("Ethical responsibility training: 0 of 6 hours.", result.Requirements[1].Sentence);
        Assert.Equal("Not yet signed: Lived experience.", result.Requirements[5].Sentence);
        Assert.False(result.ReadyToSubmit);
        Assert.Equal(6, result.MissingToSubmit.Count);
    }

    [Fact]
    public void The_checklist_fills_as_records_arrive_and_pending_supervision_does_not_count()
    {
        var application = Draft();
        application.AddTrainingRecord(Rules(), "Ethics", "State", "ETH", 4, Today.AddDays(-9), null, Dates);
        var result = Evaluate(application);
        Assert.Equal("Ethical responsibility training: 4 of 6 hours.", result.Requirements.Single(r => r.Code == "training:ETH").Sentence);

        var log = application.AddSupervisionLog(Today.AddDays(-2), 4, SupervisionFormat.Individual, "Self-care", "Pat Lee", "LCSW", "pat@example.org", Dates);
        var supervision = Evaluate(application).Requirements.Single(r => r.Code == "supervision");
        Assert.False(supervision.IsMet);
        Assert.Equal("Supervision confirmed by your supervisor: 0 of 4 hours (4 hours waiting for confirmation).", supervision.Sentence);

        application.ConfirmSupervision("pat@example.org", [log.Id], Now);
        Assert.True(Evaluate(application).Requirements.Single(r => r.Code == "supervision").IsMet);
    }

    [Fact]
    public void Everything_but_the_exam_is_enough_to_submit_but_not_to_approve()
    {
        var application = Complete();

        var result = Evaluate(application);

        Assert.True(result.ReadyToSubmit);
        Assert.False(result.ReadyToApprove);
        Assert.Equal("exam", Assert.Single(result.Requirements, r => !r.IsMet).Code);
    }

    [Fact]
    public void A_passed_exam_completes_the_checklist()
    {
        var exam = new ExamRequirement(70, 30, 3, 365);
        var passed = new ExamAttempt(Guid.NewGuid(), Guid.NewGuid(), exam, Today.AddDays(-1), 82, 1, Guid.NewGuid(), Now);

        Assert.True(Evaluate(Complete(), false, passed).ReadyToApprove);
    }

    [Fact]
    public void Reciprocity_leaves_only_what_it_does_not_cover()
    {
        var result = Evaluate(Draft(), reciprocity: true);

        Assert.Equal(["references", "attestation:lived"], result.Requirements.Select(r => r.Code));
    }

    private static CertificationApplication Complete()
    {
        var application = Draft();
        application.AddTrainingRecord(Rules(), "Ethics", "State", "ETH", 6, Today.AddDays(-9), null, Dates);
        application.AddTrainingRecord(Rules(), "Recovery", "State", null, 4, Today.AddDays(-8), null, Dates);
        application.AddWorkExperience(WorkKind.Volunteer, "Harbor House", null, Today.AddDays(-30), Today.AddDays(-1), 20, Dates);
        var log = application.AddSupervisionLog(Today.AddDays(-2), 4, SupervisionFormat.Individual, "Self-care", "Pat Lee", "LCSW", "pat@example.org", Dates);
        application.ConfirmSupervision("pat@example.org", [log.Id], Now);
        var reference = application.AddReference(1, "Sam Doe", "sam@example.org", "Former supervisor");
        application.ConfirmReference(reference.Id, "sam@example.org", "Reliable and kind.", Now);
        application.Sign(new AttestationWording("lived", 1, AttestationKind.Agreement, "Lived experience", "I have lived experience.", true, Now), true, null, "My story", Now);
        return application;
    }
}

public sealed class ExamReadinessTests
{
    private static readonly ExamRequirement Exam = new(passingScore: 70, retakeWaitDays: 30, attemptsAllowed: 2, attemptWindowDays: 365);
    private static readonly DateOnly Today = new(2026, 11, 24);
    private static readonly DateTimeOffset Now = new(Today, new TimeOnly(15, 0), TimeSpan.Zero);

    private static ExamAttempt Attempt(int daysAgo, int score, int number) =>
        new(Guid.NewGuid(), Guid.NewGuid(), Exam, Today.AddDays(-daysAgo), score, number, Guid.NewGuid(), Now);

    [Fact]
    public void Training_must_be_complete_first() => Assert.False(ExamReadiness.For(Exam, false, [], Today).MaySit);

    [Fact]
    public void A_first_attempt_is_allowed_once_training_is_complete()
    {
        var readiness = ExamReadiness.For(Exam, true, [], Today);
        Assert.True(readiness.MaySit);
        Assert.Equal(2, readiness.AttemptsLeft);
    }

    [Fact]
    public void A_retake_waits_for_the_programs_wait()
    {
        var readiness = ExamReadiness.For(Exam, true, [Attempt(10, 50, 1)], Today);
        Assert.False(readiness.MaySit);
        Assert.Equal(Today.AddDays(20), readiness.EarliestDate);
        Assert.True(ExamReadiness.For(Exam, true, [Attempt(30, 50, 1)], Today).MaySit);
    }

    [Fact]
    public void Attempts_per_window_run_out()
    {
        var readiness = ExamReadiness.For(Exam, true, [Attempt(200, 50, 1), Attempt(100, 60, 2)], Today);
        Assert.False(readiness.MaySit);
        Assert.Equal(0, readiness.AttemptsLeft);
        Assert.Equal(Today.AddDays(-200 + 365), readiness.EarliestDate); // the first sitting leaves the 365-day window
    }

    [Fact]
    public void Passing_ends_the_need_to_sit() =>
        Assert.Equal("You have passed the exam.", ExamReadiness.For(Exam, true, [Attempt(40, 71, 1)], Today).Reason);
}

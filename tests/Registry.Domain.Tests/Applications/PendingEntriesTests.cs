using Registry.Domain.Applications;
using Registry.Domain.Common;
using Registry.Domain.Eligibility;
using Registry.Domain.Tests.Support;

namespace Registry.Domain.Tests.Applications;

/// <summary>Approval waits until staff have checked every training and work entry (the application is the one place of the rule).</summary>
public sealed class PendingEntriesTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);
    private static readonly RecordDates Dates = new(Today, new DateOnly(1990, 3, 1));
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Under review with two training entries and one work entry, none checked.</summary>
    private static (CertificationApplication Application, TrainingRecord First) UnderReview()
    {
        var rules = Tennessee.Requirements();
        var application = CertificationApplication.Start(Guid.NewGuid(), Guid.NewGuid(), ApplicationType.Initial, Guid.NewGuid(), Now);
        var first = application.AddTrainingRecord(rules, "Ethics", "State", null, 6, Today.AddDays(-3), null, Dates);
        application.AddTrainingRecord(rules, "Recovery", "State", null, 10, Today.AddDays(-2), null, Dates);
        application.AddWorkExperience(WorkKind.Paid, "Harbor Clinic", "Peer", Today.AddDays(-90), Today.AddDays(-1), 80, Dates);
        application.Submit(Guid.NewGuid(), Now, EligibilityResult.NothingRequired);
        application.BeginReview(Guid.NewGuid(), Now);
        return (application, first);
    }

    [Theory]
    [InlineData(1, 0, 0, "1 training entry")]
    [InlineData(2, 1, 0, "2 training entries and 1 work entry")]
    [InlineData(0, 2, 1, "2 work entries and 1 continuing-education entry")]
    [InlineData(3, 1, 2, "3 training entries, 1 work entry and 2 continuing-education entries")]
    public void The_count_names_each_kind_in_words(int training, int work, int education, string words) =>
        Assert.Equal(words, new PendingEntries(training, work, education).Describe());

    [Fact]
    public void Approval_is_refused_while_entries_are_unchecked_and_says_how_many_of_which_kind()
    {
        var (application, _) = UnderReview();

        var refused = Assert.Throws<DomainRuleException>(() => application.Approve(Guid.NewGuid(), Now, null, EligibilityResult.NothingRequired));

        Assert.Equal("This application cannot be approved while 2 training entries and 1 work entry are not yet checked: " +
            "verify or reject each one, or verify all remaining entries.", refused.Message);
        Assert.Equal(ApplicationStatus.UnderReview, application.Status);
    }

    [Fact]
    public void Verifying_the_remaining_entries_skips_a_rejected_one_and_then_the_application_is_approved()
    {
        var (application, first) = UnderReview();
        application.ReviewRecord(first.Id, verified: false, "No certificate.");

        var verified = application.VerifyRemainingRecords();

        Assert.Equal(new PendingEntries(1, 1, 0), verified);
        Assert.Equal(RecordReview.Rejected, first.Review);
        Assert.Equal(0, application.PendingEntries.Total);
        Assert.Throws<DomainRuleException>(() => application.VerifyRemainingRecords()); // nothing left
        application.Approve(Guid.NewGuid(), Now, null, EligibilityResult.NothingRequired);
        Assert.Equal(ApplicationStatus.Approved, application.Status);
    }

    [Fact]
    public void A_waiver_with_its_reason_approves_with_entries_unchecked()
    {
        var (application, _) = UnderReview();

        application.Approve(Guid.NewGuid(), Now, null, EligibilityResult.NothingRequired, "Checked on paper at the board meeting.");

        Assert.Equal((ApplicationStatus.Approved, "Checked on paper at the board meeting."), (application.Status, application.WaiverReason));
    }

    [Fact]
    public void Entries_are_verified_all_at_once_only_under_review()
    {
        var application = CertificationApplication.Start(Guid.NewGuid(), Guid.NewGuid(), ApplicationType.Initial, Guid.NewGuid(), Now);
        application.AddTrainingRecord(Tennessee.Requirements(), "Ethics", "State", null, 6, Today.AddDays(-3), null, Dates);

        Assert.Throws<DomainRuleException>(() => application.VerifyRemainingRecords());
        Assert.Equal(1, application.PendingEntries.Training);
    }
}

using Registry.Domain.Applications;
using Registry.Domain.Attestations;
using Registry.Domain.Common;
using Registry.Domain.Eligibility;
using Registry.Domain.Jurisdictions;
using Registry.Domain.Tests.Support;

namespace Registry.Domain.Tests.Applications;

/// <summary>The bad input the applicant journey must refuse, refused by the aggregate itself.</summary>
public sealed class ApplicationRecordsTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);
    private static readonly RecordDates Dates = new(Today, new DateOnly(1990, 3, 1));
    private static readonly ProgramRequirements Rules = Tennessee.Requirements();
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private static CertificationApplication Draft() => CertificationApplication.Start(Guid.NewGuid(), Guid.NewGuid(), ApplicationType.Initial, Guid.NewGuid(), Now);

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    [InlineData(1.1)]
    [InlineData(2.3)]
    public void Training_hours_must_be_positive_quarter_hours(decimal hours)
    {
        var application = Draft();
        Assert.Throws<DomainRuleException>(() => application.AddTrainingRecord(Rules, "Ethics", "State", "ETH", hours, Today.AddDays(-3), null, Dates));
        Assert.Empty(application.TrainingRecords);
    }

    [Fact]
    public void Quarter_hours_are_accepted()
    {
        var application = Draft();
        var record = application.AddTrainingRecord(Rules, "Ethics", "State", "ETH", 2.75m, Today.AddDays(-3), null, Dates);
        Assert.Equal(2.75m, record.Hours);
    }

    [Fact]
    public void More_than_24_hours_of_supervision_in_a_day_is_refused()
    {
        var application = Draft();
        Assert.Throws<DomainRuleException>(() => application.AddSupervisionLog(Today.AddDays(-1), 24.25m, SupervisionFormat.Individual, "Boundaries", "Pat Lee", "LCSW", "pat@example.org", Dates));
        Assert.Empty(application.SupervisionLogs);
    }

    [Fact]
    public void Work_hours_cannot_exceed_24_a_day_over_the_period()
    {
        var application = Draft();
        var start = Today.AddDays(-2);
        Assert.Throws<DomainRuleException>(() => application.AddWorkExperience(WorkKind.Paid, "Harbor House", "Peer", start, Today, 72.25m, Dates));
        application.AddWorkExperience(WorkKind.Paid, "Harbor House", "Peer", start, Today, 72m, Dates);
    }

    [Fact]
    public void Future_dates_and_dates_before_age_14_are_refused()
    {
        var application = Draft();
        Assert.Throws<DomainRuleException>(() => application.AddTrainingRecord(Rules, "Ethics", "State", "ETH", 2, Today.AddDays(1), null, Dates));
        Assert.Throws<DomainRuleException>(() => application.AddTrainingRecord(Rules, "Ethics", "State", "ETH", 2, new DateOnly(2004, 2, 28), null, Dates));
        application.AddTrainingRecord(Rules, "Ethics", "State", "ETH", 2, new DateOnly(2004, 3, 1), null, Dates);
    }

    [Fact]
    public void An_end_before_the_start_is_refused()
    {
        var application = Draft();
        Assert.Throws<DomainRuleException>(() => application.AddWorkExperience(WorkKind.Volunteer, "Harbor House", null, Today.AddDays(-1), Today.AddDays(-5), 8, Dates));
    }

    [Fact]
    public void Duplicates_and_unknown_domains_are_refused()
    {
        var application = Draft();
        application.AddTrainingRecord(Rules, "Ethics", "State", "ETH", 2, Today.AddDays(-3), null, Dates);
        Assert.Throws<DomainRuleException>(() => application.AddTrainingRecord(Rules, " ethics ", "STATE", "ETH", 4, Today.AddDays(-3), null, Dates));
        Assert.Throws<DomainRuleException>(() => application.AddTrainingRecord(Rules, "Advocacy", "State", "NOPE", 2, Today.AddDays(-3), null, Dates));
        Assert.Single(application.TrainingRecords);
    }

    [Fact]
    public void A_submitted_application_cannot_be_edited_until_staff_ask_for_more()
    {
        var application = Draft();
        application.Submit(Guid.NewGuid(), Now, EligibilityResult.NothingRequired);

        var refused = Assert.Throws<DomainRuleException>(() => application.AddTrainingRecord(Rules, "Ethics", "State", "ETH", 2, Today, null, Dates));
        Assert.Contains("submitted", refused.Message);

        application.BeginReview(Guid.NewGuid(), Now);
        application.RequestInformation(Guid.NewGuid(), Now, "Please add your ethics course.");
        application.AddTrainingRecord(Rules, "Ethics", "State", "ETH", 2, Today, null, Dates);
        Assert.Throws<DomainRuleException>(() => application.Submit(Guid.NewGuid(), Now, EligibilityResult.NothingRequired));
        application.Submit(Guid.NewGuid(), Now, EligibilityResult.NothingRequired, "Added the ethics course.");
        Assert.Equal("Added the ethics course.", application.History[^1].Reason);
    }

    [Fact]
    public void Supervision_counts_only_once_the_named_supervisor_confirms_it()
    {
        var application = Draft();
        var log = application.AddSupervisionLog(Today.AddDays(-1), 2, SupervisionFormat.Group, "Boundaries", "Pat Lee", "LCSW", "pat@example.org", Dates);

        Assert.Equal(0, application.ConfirmSupervision("someone.else@example.org", [log.Id], Now));
        Assert.False(log.IsConfirmed);
        Assert.Equal(1, application.ConfirmSupervision("PAT@example.org", [log.Id], Now));
        Assert.True(log.IsConfirmed);
    }

    [Fact]
    public void Signing_keeps_the_exact_words_and_needs_what_the_wording_asks_for()
    {
        var application = Draft();
        var lived = new AttestationWording("lived-experience", 3, AttestationKind.Agreement, "Lived experience", "I have lived experience.", asksForStatement: true, Now);
        var disclosure = new AttestationWording("criminal-history", 1, AttestationKind.Disclosure, "Criminal charges", "Any pending charges?", asksForStatement: false, Now);

        Assert.Throws<DomainRuleException>(() => application.Sign(lived, agreed: false, null, "My story", Now));
        Assert.Throws<DomainRuleException>(() => application.Sign(lived, agreed: true, null, "  ", Now));
        Assert.Throws<DomainRuleException>(() => application.Sign(disclosure, agreed: true, null, null, Now));
        Assert.Throws<DomainRuleException>(() => application.Sign(disclosure, agreed: true, true, null, Now));

        var signed = application.Sign(lived, agreed: true, null, "My story", Now);
        application.Sign(disclosure, agreed: true, false, null, Now);

        Assert.Equal(("I have lived experience.", 3, "My story"), (signed.SignedText, signed.WordingVersion, signed.Statement));
        Assert.Throws<DomainRuleException>(() => application.Sign(lived, agreed: true, null, "Again", Now));
        Assert.Equal(2, application.Attestations.Count);
    }

    [Fact]
    public void Approval_is_refused_while_a_requirement_is_unmet_unless_a_waiver_gives_its_reason()
    {
        var application = Draft();
        application.Submit(Guid.NewGuid(), Now, EligibilityResult.NothingRequired);
        application.BeginReview(Guid.NewGuid(), Now);
        var unmet = EligibilityCheck.Evaluate(Rules, ApplicantRecords.Of(application, []), new Dictionary<string, string>(), byReciprocity: false);

        var refused = Assert.Throws<DomainRuleException>(() => application.Approve(Guid.NewGuid(), Now, null, unmet));
        Assert.Contains("Training: 0 of 46 hours.", refused.Message);
        Assert.Equal(ApplicationStatus.UnderReview, application.Status);

        var admin = Guid.NewGuid();
        application.Approve(admin, Now, null, unmet, "Hours completed under the 2025 emergency rule.");
        Assert.Equal((ApplicationStatus.Approved, "Hours completed under the 2025 emergency rule.", (Guid?)admin), (application.Status, application.WaiverReason, application.WaivedByUserId));
    }

    [Fact]
    public void Reviewers_verify_or_reject_entries_with_a_reason_while_reviewing()
    {
        var application = Draft();
        var course = application.AddTrainingRecord(Rules, "Ethics", "State", "ETH", 2, Today.AddDays(-3), null, Dates);
        Assert.Throws<DomainRuleException>(() => application.ReviewRecord(course.Id, verified: true, null));
        application.Submit(Guid.NewGuid(), Now, EligibilityResult.NothingRequired);
        application.BeginReview(Guid.NewGuid(), Now);

        Assert.Throws<DomainRuleException>(() => application.ReviewRecord(course.Id, verified: false, " "));
        application.ReviewRecord(course.Id, verified: false, "The provider is not approved.");

        Assert.Equal((RecordReview.Rejected, "The provider is not approved."), (course.Review, course.ReviewReason));
        application.ReviewRecord(course.Id, verified: true, null);
        Assert.Equal((RecordReview.Verified, (string?)null), (course.Review, course.ReviewReason));
    }
}

using Registry.Domain.Applications;
using Registry.Domain.Common;
using Registry.Domain.Eligibility;

namespace Registry.Domain.Tests.Applications;

/// <summary>An appeal of a denial: filed by the applicant within the window, once per denial, decided by staff.</summary>
public class AppealTests
{
    private static readonly DateTimeOffset DeniedAt = new(2027, 3, 1, 15, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly DeniedOn = new(2027, 3, 1);
    private static readonly DateOnly LastDay = DeniedOn.AddDays(30);
    private static readonly Guid Applicant = Guid.NewGuid();
    private static readonly Guid Reviewer = Guid.NewGuid();

    private static CertificationApplication Denied(DateOnly? appealUntil)
    {
        var application = CertificationApplication.Start(Guid.NewGuid(), Guid.NewGuid(), ApplicationType.Initial, Applicant, DeniedAt.AddDays(-20));
        application.Submit(Applicant, DeniedAt.AddDays(-10), EligibilityResult.NothingRequired, null);
        application.BeginReview(Reviewer, DeniedAt.AddDays(-5));
        application.Deny(Reviewer, DeniedAt, "Supervised hours are short.", appealUntil);
        return application;
    }

    [Fact]
    public void The_applicant_appeals_on_the_last_day_and_the_appeal_is_open()
    {
        var application = Denied(LastDay);
        var appeal = application.FileAppeal("  My supervisor's log was lost in a flood; here is the signed copy.  ", LastDay, Applicant, DeniedAt.AddDays(30));

        Assert.Equal(AppealStatus.Open, appeal.Status);
        Assert.Equal("My supervisor's log was lost in a flood; here is the signed copy.", appeal.Statement);
        Assert.Same(appeal, application.CurrentAppeal);
        Assert.Equal(ApplicationStatus.Denied, application.Status);
    }

    [Fact]
    public void An_appeal_after_the_window_is_refused_with_the_day_it_closed()
    {
        var application = Denied(LastDay);
        var refused = Assert.Throws<DomainRuleException>(() => application.FileAppeal("Please look again.", LastDay.AddDays(1), Applicant, DeniedAt.AddDays(31)));
        Assert.Contains("March 31, 2027", refused.Message);
        Assert.Empty(application.Appeals);
    }

    [Fact]
    public void A_program_without_an_appeal_window_offers_none()
    {
        var application = Denied(appealUntil: null);
        Assert.Throws<DomainRuleException>(() => application.FileAppeal("Please look again.", DeniedOn, Applicant, DeniedAt));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_appeal_needs_a_statement(string statement)
    {
        var application = Denied(LastDay);
        Assert.Throws<DomainRuleException>(() => application.FileAppeal(statement, DeniedOn, Applicant, DeniedAt));
        Assert.Empty(application.Appeals);
    }

    [Fact]
    public void One_appeal_per_denial_whether_open_or_decided()
    {
        var application = Denied(LastDay);
        application.FileAppeal("Please look again.", DeniedOn, Applicant, DeniedAt);
        Assert.Throws<DomainRuleException>(() => application.FileAppeal("And again.", DeniedOn, Applicant, DeniedAt));
        application.UpholdDenial(Reviewer, DeniedAt.AddDays(2), "The signed copy does not cover the missing months.");
        Assert.Throws<DomainRuleException>(() => application.FileAppeal("Once more.", DeniedOn.AddDays(3), Applicant, DeniedAt.AddDays(3)));
        Assert.Single(application.Appeals);
    }

    [Fact]
    public void Upheld_the_denial_stands_with_the_reason_the_applicant_reads()
    {
        var application = Denied(LastDay);
        var appeal = application.FileAppeal("Please look again.", DeniedOn, Applicant, DeniedAt);
        application.UpholdDenial(Reviewer, DeniedAt.AddDays(2), "The signed copy does not cover the missing months.");

        Assert.Equal((AppealStatus.Upheld, "The signed copy does not cover the missing months."), (appeal.Status, appeal.DecisionReason));
        Assert.Equal(ApplicationStatus.Denied, application.Status);
    }

    [Fact]
    public void Overturned_the_application_is_under_review_again_and_can_be_approved()
    {
        var application = Denied(LastDay);
        var appeal = application.FileAppeal("Please look again.", DeniedOn, Applicant, DeniedAt);
        application.OverturnDenial(Reviewer, DeniedAt.AddDays(2), "The signed log covers the hours.");

        Assert.Equal(AppealStatus.Overturned, appeal.Status);
        Assert.Equal(ApplicationStatus.UnderReview, application.Status);
        Assert.Null(application.AppealUntil);
        application.Approve(Reviewer, DeniedAt.AddDays(3), null, EligibilityResult.NothingRequired);
        Assert.Equal(ApplicationStatus.Approved, application.Status);
    }

    [Fact]
    public void Nothing_to_decide_without_an_open_appeal_and_a_decision_needs_a_reason()
    {
        var application = Denied(LastDay);
        Assert.Throws<DomainRuleException>(() => application.OverturnDenial(Reviewer, DeniedAt, "Looks fine."));
        application.FileAppeal("Please look again.", DeniedOn, Applicant, DeniedAt);
        Assert.Throws<DomainRuleException>(() => application.UpholdDenial(Reviewer, DeniedAt, " "));
        Assert.Equal(AppealStatus.Open, application.CurrentAppeal!.Status);
    }

    [Fact]
    public void Only_a_denied_application_can_be_appealed()
    {
        var application = CertificationApplication.Start(Guid.NewGuid(), Guid.NewGuid(), ApplicationType.Initial, Applicant, DeniedAt);
        Assert.Throws<DomainRuleException>(() => application.FileAppeal("Please look again.", DeniedOn, Applicant, DeniedAt));
    }
}

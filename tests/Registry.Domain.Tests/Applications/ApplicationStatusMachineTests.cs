using Registry.Domain.Eligibility;
using Registry.Domain.Applications;
using Registry.Domain.Common;

namespace Registry.Domain.Tests.Applications;

public class ApplicationStatusMachineTests
{
    private static readonly DateTimeOffset Opened = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Later = Opened.AddDays(30);
    private static readonly Guid Applicant = Guid.NewGuid();
    private static readonly Guid Reviewer = Guid.NewGuid();

    public static TheoryData<ApplicationStatus, ApplicationStatus> EveryPair()
    {
        var data = new TheoryData<ApplicationStatus, ApplicationStatus>();
        foreach (var from in Enum.GetValues<ApplicationStatus>())
            foreach (var to in Enum.GetValues<ApplicationStatus>())
                data.Add(from, to);
        return data;
    }

    public static TheoryData<string> BlankTexts() => ["", " ", "\t\n "];

    /// <summary>A fresh application driven into <paramref name="status"/> through its public methods only.</summary>
    private static CertificationApplication ApplicationIn(ApplicationStatus status)
    {
        var application = CertificationApplication.Start(Guid.NewGuid(), Guid.NewGuid(), ApplicationType.Initial, Applicant, Opened);
        var at = Opened;
        DateTimeOffset Next() => at = at.AddHours(1);

        if (status == ApplicationStatus.Withdrawn) application.Withdraw(Applicant, Next(), "Applying next year instead.");
        if (status is ApplicationStatus.Draft or ApplicationStatus.Withdrawn) return application;

        application.Submit(Applicant, Next(), EligibilityResult.NothingRequired, "Here is what you asked for.");
        if (status != ApplicationStatus.Submitted) application.BeginReview(Reviewer, Next());
        switch (status)
        {
            case ApplicationStatus.InfoRequested: application.RequestInformation(Reviewer, Next(), "Please upload your training certificate."); break;
            case ApplicationStatus.Approved: application.Approve(Reviewer, Next(), null, EligibilityResult.NothingRequired); break;
            case ApplicationStatus.Denied: application.Deny(Reviewer, Next(), "Supervised hours are short."); break;
        }
        Assert.Equal(status, application.Status);
        return application;
    }

    /// <summary>The public method that leads to each status and the reason it records; nothing leads back to Draft.</summary>
    private static (Action<CertificationApplication, Guid, DateTimeOffset> Act, string? Reason)? MethodLeadingTo(ApplicationStatus to) => to switch
    {
        ApplicationStatus.Submitted => ((a, who, at) => a.Submit(who, at, EligibilityResult.NothingRequired, "Here is what you asked for."), "Here is what you asked for."),
        ApplicationStatus.UnderReview => ((a, who, at) => a.BeginReview(who, at), null),
        ApplicationStatus.InfoRequested => ((a, who, at) => a.RequestInformation(who, at, "Send your references."), "Send your references."),
        ApplicationStatus.Approved => ((a, who, at) => a.Approve(who, at, "All requirements met.", EligibilityResult.NothingRequired), "All requirements met."),
        ApplicationStatus.Denied => ((a, who, at) => a.Deny(who, at, "Exam not passed."), "Exam not passed."),
        ApplicationStatus.Withdrawn => ((a, who, at) => a.Withdraw(who, at, "Moving out of state."), "Moving out of state."),
        _ => null,
    };

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void A_move_is_allowed_exactly_when_the_rules_list_it(ApplicationStatus from, ApplicationStatus to)
    {
        var allowed = ApplicationStatusRules.AllowedMoves.Contains((from, to));
        if (MethodLeadingTo(to) is not { } method)
        {
            // No public method leads to this status, so the rules must not list a move to it.
            Assert.False(allowed);
            return;
        }

        var application = ApplicationIn(from);
        var historyBefore = application.History.ToList();
        var actor = Guid.NewGuid();

        if (allowed)
        {
            method.Act(application, actor, Later);
            Assert.Equal(to, application.Status);
            Assert.Equal(historyBefore.Count + 1, application.History.Count);
            var entry = application.History[^1];
            Assert.Equal(application.Id, entry.ApplicationId);
            Assert.Equal(from, entry.From);
            Assert.Equal(to, entry.To);
            Assert.Equal(actor, entry.ActorUserId);
            Assert.Equal(Later, entry.At);
            Assert.Equal(method.Reason, entry.Reason);
        }
        else
        {
            Assert.Throws<DomainRuleException>(() => method.Act(application, actor, Later));
            Assert.Equal(from, application.Status);
            Assert.Equal(historyBefore, application.History);
        }
    }

    [Fact]
    public void The_allowed_moves_follow_the_design()
    {
        // Draft → Submitted → UnderReview → (InfoRequested → Submitted)* → Approved | Denied; Withdrawn from any open state.
        (ApplicationStatus, ApplicationStatus)[] design =
        [
            (ApplicationStatus.Draft, ApplicationStatus.Submitted),
            (ApplicationStatus.Submitted, ApplicationStatus.UnderReview),
            (ApplicationStatus.UnderReview, ApplicationStatus.InfoRequested),
            (ApplicationStatus.InfoRequested, ApplicationStatus.Submitted),
            (ApplicationStatus.UnderReview, ApplicationStatus.Approved),
            (ApplicationStatus.UnderReview, ApplicationStatus.Denied),
            .. ApplicationStatusRules.OpenStatuses.Select(open => (open, ApplicationStatus.Withdrawn)),
        ];

        Assert.Equal(design.Order(), ApplicationStatusRules.AllowedMoves.Order());
    }

    [Fact]
    public void Only_draft_submitted_under_review_and_info_requested_are_open()
    {
        Assert.Equal(
            [ApplicationStatus.Draft, ApplicationStatus.Submitted, ApplicationStatus.UnderReview, ApplicationStatus.InfoRequested],
            ApplicationStatusRules.OpenStatuses.Order());
    }

    [Theory]
    [InlineData(ApplicationStatus.Draft, true)]
    [InlineData(ApplicationStatus.Submitted, true)]
    [InlineData(ApplicationStatus.UnderReview, true)]
    [InlineData(ApplicationStatus.InfoRequested, true)]
    [InlineData(ApplicationStatus.Approved, false)]
    [InlineData(ApplicationStatus.Denied, false)]
    [InlineData(ApplicationStatus.Withdrawn, false)]
    public void An_application_is_open_until_it_is_decided_or_withdrawn(ApplicationStatus status, bool open)
    {
        Assert.Equal(open, status.IsOpen());
        Assert.Equal(open, ApplicationIn(status).IsOpen);
    }

    [Theory]
    [InlineData(ApplicationStatus.Approved)]
    [InlineData(ApplicationStatus.Denied)]
    [InlineData(ApplicationStatus.Withdrawn)]
    public void A_closed_application_has_no_way_out(ApplicationStatus closed) =>
        Assert.DoesNotContain(ApplicationStatusRules.AllowedMoves, move => move.From == closed);

    [Fact]
    public void A_new_application_is_a_draft_whose_history_starts_with_a_draft_entry()
    {
        var person = Guid.NewGuid();
        var program = Guid.NewGuid();
        var application = CertificationApplication.Start(person, program, ApplicationType.Reciprocity, Applicant, Opened);

        Assert.Equal(ApplicationStatus.Draft, application.Status);
        Assert.Equal((person, program, ApplicationType.Reciprocity, Opened), (application.PersonId, application.ProgramId, application.Type, application.CreatedAt));
        var entry = Assert.Single(application.History);
        Assert.Equal(application.Id, entry.ApplicationId);
        Assert.Null(entry.From);
        Assert.Equal(ApplicationStatus.Draft, entry.To);
        Assert.Equal(Applicant, entry.ActorUserId);
        Assert.Equal(Opened, entry.At);
        Assert.Null(entry.Reason);
        Assert.Null(application.SubmittedAt);
        Assert.Null(application.DecidedAt);
    }

    [Fact]
    public void Submitting_records_when_the_application_was_submitted()
    {
        var application = ApplicationIn(ApplicationStatus.Draft);

        application.Submit(Applicant, Later, EligibilityResult.NothingRequired, "Here is what you asked for.");

        Assert.Equal(Later, application.SubmittedAt);
        Assert.Null(application.DecidedAt);
    }

    [Fact]
    public void Approving_records_when_and_with_what_note_it_was_decided()
    {
        var application = ApplicationIn(ApplicationStatus.UnderReview);

        application.Approve(Reviewer, Later, "Welcome aboard.", EligibilityResult.NothingRequired);

        Assert.Equal(Later, application.DecidedAt);
        Assert.Equal("Welcome aboard.", application.DecisionReason);
    }

    [Fact]
    public void Denying_records_when_and_why_it_was_decided_with_the_reason_trimmed()
    {
        var application = ApplicationIn(ApplicationStatus.UnderReview);

        application.Deny(Reviewer, Later, "  Exam not passed.  ");

        Assert.Equal(Later, application.DecidedAt);
        Assert.Equal("Exam not passed.", application.DecisionReason);
        Assert.Equal("Exam not passed.", application.History[^1].Reason);
    }

    [Fact]
    public void Withdrawing_is_not_a_decision()
    {
        var application = ApplicationIn(ApplicationStatus.UnderReview);

        application.Withdraw(Applicant, Later, null);

        Assert.Equal(ApplicationStatus.Withdrawn, application.Status);
        Assert.Null(application.DecidedAt);
    }

    [Theory]
    [MemberData(nameof(BlankTexts))]
    public void Denying_without_a_reason_is_refused(string reason)
    {
        var application = ApplicationIn(ApplicationStatus.UnderReview);
        var historyBefore = application.History.ToList();

        Assert.Throws<DomainRuleException>(() => application.Deny(Reviewer, Later, reason));

        Assert.Equal(ApplicationStatus.UnderReview, application.Status);
        Assert.Equal(historyBefore, application.History);
        Assert.Null(application.DecidedAt);
    }

    [Theory]
    [MemberData(nameof(BlankTexts))]
    public void Requesting_information_without_a_message_is_refused(string message)
    {
        var application = ApplicationIn(ApplicationStatus.UnderReview);
        var historyBefore = application.History.ToList();

        Assert.Throws<DomainRuleException>(() => application.RequestInformation(Reviewer, Later, message));

        Assert.Equal(ApplicationStatus.UnderReview, application.Status);
        Assert.Equal(historyBefore, application.History);
    }

    [Fact]
    public void A_reviewer_may_ask_for_information_more_than_once_before_deciding()
    {
        var application = ApplicationIn(ApplicationStatus.UnderReview);
        var at = Later;

        for (var round = 0; round < 2; round++)
        {
            application.RequestInformation(Reviewer, at = at.AddDays(1), "One more reference, please.");
            application.Submit(Applicant, at = at.AddDays(1), EligibilityResult.NothingRequired, "Here is what you asked for.");
            application.BeginReview(Reviewer, at = at.AddDays(1));
        }
        application.Approve(Reviewer, at.AddDays(1), null, EligibilityResult.NothingRequired);

        Assert.Equal(
            [
                ApplicationStatus.Draft, ApplicationStatus.Submitted, ApplicationStatus.UnderReview,
                ApplicationStatus.InfoRequested, ApplicationStatus.Submitted, ApplicationStatus.UnderReview,
                ApplicationStatus.InfoRequested, ApplicationStatus.Submitted, ApplicationStatus.UnderReview,
                ApplicationStatus.Approved,
            ],
            application.History.Select(h => h.To));
        Assert.All(application.History.Skip(1).Zip(application.History), pair => Assert.Equal(pair.Second.To, pair.First.From));
    }
}

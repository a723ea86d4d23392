using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Features.Applications;
using Registry.Application.Features.Review;
using Registry.Domain.Applications;
using Registry.Domain.Common;
using Registry.Domain.Credentials;
using Registry.Domain.Exams;
using Registry.Domain.Notifications;
using Registry.Testing;

namespace Registry.Application.Tests.Features.Review;

public sealed class DecisionTests(SliceFixture fixture) : SliceTest(fixture)
{
    [Fact]
    public async Task Approving_issues_numbered_credentials_in_sequence_with_expiry_one_cycle_later_and_tells_the_applicant()
    {
        var scenario = await ReviewScenario.ArrangeAsync(Fixture);
        var (first, firstApplication) = await scenario.UnderReviewAsync("Robin");
        var (_, secondApplication) = await scenario.UnderReviewAsync("Sam");
        var toldBefore = await Fixture.QueryAsync(db => db.Notifications.Select(n => n.Id).ToListAsync());

        var issued = await Fixture.SendAsync(new ApproveApplication.Command(firstApplication.Id, "Well documented."), TestUsers.Reviewer("TN"));
        var second = await Fixture.SendAsync(new ApproveApplication.Command(secondApplication.Id), TestUsers.Reviewer("TN"));

        Assert.Equal("TN-CPRS-000001", issued.CredentialNumber);
        Assert.Equal("TN-CPRS-000002", second.CredentialNumber);
        Assert.Equal(issued.IssuedOn.AddMonths(24), issued.ExpiresOn);
        Assert.Equal(TestClock.StartDay, issued.IssuedOn);
        var credential = await Fixture.QueryAsync(db => db.Credentials.SingleAsync(c => c.Id == issued.CredentialId));
        Assert.Equal((first.Id, CredentialStatus.Active), (credential.HolderPersonId, credential.Status));
        Assert.Equal(ApplicationStatus.Approved, (await Fixture.QueryAsync(db => db.Applications.SingleAsync(a => a.Id == firstApplication.Id))).Status);

        // The approval's one message: the credential issued (no separate "application approved").
        var told = await Fixture.QueryAsync(db => db.Notifications.SingleAsync(n => n.RecipientEmail == first.Email && !toldBefore.Contains(n.Id)));
        Assert.Equal(("credential-issued", first.Email), (told.Template, told.RecipientEmail));
        Assert.Contains("TN-CPRS-000001", told.Rendered().Text);
        Assert.Contains(issued.ExpiresOn.ToString("MMMM d, yyyy"), told.Rendered().Text);
    }

    [Fact]
    public async Task Approving_with_the_exam_unpassed_is_refused_and_nothing_is_issued()
    {
        var scenario = await ReviewScenario.ArrangeAsync(Fixture, ReviewScenario.ExamOnly());
        var (_, application) = await scenario.UnderReviewAsync();

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() =>
            Fixture.SendAsync(new ApproveApplication.Command(application.Id), TestUsers.Reviewer("TN")));

        Assert.Contains("cannot be approved while requirements are unmet", refused.Message);
        Assert.Equal(0, await Fixture.CountAsync<Credential>());
        Assert.Equal(ApplicationStatus.UnderReview, (await Fixture.QueryAsync(db => db.Applications.SingleAsync())).Status);
    }

    [Fact]
    public async Task Approving_after_a_passed_exam_needs_no_waiver()
    {
        var scenario = await ReviewScenario.ArrangeAsync(Fixture, ReviewScenario.ExamOnly());
        var (person, application) = await scenario.UnderReviewAsync();
        await Fixture.InsertAsync(new ExamAttempt(person.Id, scenario.Program.Id, ReviewScenario.ExamOnly().Exam!, TestClock.StartDay,
            85, 1, Guid.NewGuid(), Now));

        var issued = await Fixture.SendAsync(new ApproveApplication.Command(application.Id), TestUsers.Reviewer("TN"));

        Assert.Equal("TN-CPRS-000001", issued.CredentialNumber);
    }

    [Fact]
    public async Task A_state_admin_may_waive_an_unmet_requirement_with_a_reason_and_a_reviewer_may_not()
    {
        var scenario = await ReviewScenario.ArrangeAsync(Fixture, ReviewScenario.ExamOnly());
        var (_, application) = await scenario.UnderReviewAsync();

        await Assert.ThrowsAsync<ForbiddenException>(() =>
            Fixture.SendAsync(new ApproveApplication.Command(application.Id, null, "Passed an equivalent exam."), TestUsers.Reviewer("TN")));
        Assert.Equal(0, await Fixture.CountAsync<Credential>());

        var admin = TestUsers.StateAdmin("TN");
        await Fixture.SendAsync(new ApproveApplication.Command(application.Id, null, "Passed an equivalent exam."), admin);

        var approved = await Fixture.QueryAsync(db => db.Applications.SingleAsync());
        Assert.Equal((ApplicationStatus.Approved, "Passed an equivalent exam."), (approved.Status, approved.WaiverReason));
        Assert.NotNull(approved.WaivedByUserId);
        Assert.Equal(1, await Fixture.CountAsync<Credential>());
    }

    [Fact]
    public async Task Denying_needs_a_reason_which_the_applicant_reads()
    {
        var scenario = await ReviewScenario.ArrangeAsync(Fixture);
        var (person, application) = await scenario.UnderReviewAsync();

        await Assert.ThrowsAsync<FluentValidation.ValidationException>(() =>
            Fixture.SendAsync(new DenyApplication.Command(application.Id, " "), TestUsers.Reviewer("TN")));
        await Fixture.SendAsync(new DenyApplication.Command(application.Id, "The training provider is not accredited."), TestUsers.Reviewer("TN"));

        var overview = await Fixture.SendAsync(new GetApplicationOverview.Query(application.Id), TestUsers.Applicant(person.Id));
        Assert.Equal((ApplicationStatus.Denied, "The training provider is not accredited."), (overview.Status, overview.History[^1].Reason));
        Assert.Equal(0, await Fixture.CountAsync<Credential>());
    }

    [Fact]
    public async Task A_request_for_information_reaches_the_applicant()
    {
        var scenario = await ReviewScenario.ArrangeAsync(Fixture);
        var (person, application) = await scenario.UnderReviewAsync();

        await Assert.ThrowsAsync<FluentValidation.ValidationException>(() =>
            Fixture.SendAsync(new RequestInformation.Command(application.Id, ""), TestUsers.Reviewer("TN")));
        await Assert.ThrowsAsync<FluentValidation.ValidationException>(() =>
            Fixture.SendAsync(new RequestInformation.Command(application.Id, new string('x', 4001)), TestUsers.Reviewer("TN")));
        await Fixture.SendAsync(new RequestInformation.Command(application.Id, "Please upload your ethics certificate."), TestUsers.Reviewer("TN"));

        var overview = await Fixture.SendAsync(new GetApplicationOverview.Query(application.Id), TestUsers.Applicant(person.Id));
        Assert.Equal("Please upload your ethics certificate.", overview.InformationRequested);
        // The mails share the test clock's instant, so the request's mail is found by its words, not by being last.
        var told = await Fixture.QueryAsync(db => db.Notifications.Where(n => n.RecipientEmail == person.Email).ToListAsync());
        Assert.Contains(told, n => n.Rendered().Text.Contains("Please upload your ethics certificate."));
    }

    [Theory]
    [InlineData(nameof(ApproveApplication))]
    [InlineData(nameof(DenyApplication))]
    [InlineData(nameof(RequestInformation))]
    public async Task Every_decision_is_audited_under_its_action_name(string action)
    {
        var scenario = await ReviewScenario.ArrangeAsync(Fixture);
        var (_, application) = await scenario.UnderReviewAsync();
        var reviewer = TestUsers.Reviewer("TN");

        _ = action switch
        {
            nameof(ApproveApplication) => (object)await Fixture.SendAsync(new ApproveApplication.Command(application.Id), reviewer),
            nameof(DenyApplication) => await Fixture.SendAsync(new DenyApplication.Command(application.Id, "Not eligible."), reviewer),
            _ => await Fixture.SendAsync(new RequestInformation.Command(application.Id, "Send more."), reviewer),
        };

        var entries = await Fixture.QueryAsync(db => db.AuditEntries.Where(a => a.Action == action).ToListAsync());
        Assert.Contains(entries, e => e.EntityType == nameof(CertificationApplication) && e.EntityId == application.Id.ToString() && e.StateCode == "TN");
        Assert.Contains(entries, e => e.EntityType == nameof(Notification));
        if (action == nameof(ApproveApplication)) Assert.Contains(entries, e => e.EntityType == nameof(Credential));
    }
}

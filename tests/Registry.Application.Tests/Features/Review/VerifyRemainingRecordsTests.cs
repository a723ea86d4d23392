using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Features.Applications;
using Registry.Application.Features.Review;
using Registry.Domain.Applications;
using Registry.Domain.Common;
using Registry.Domain.Credentials;
using Registry.Testing;

namespace Registry.Application.Tests.Features.Review;

/// <summary>Approval waits for every training and work entry to be checked; "verify all remaining entries" checks the rest at once.</summary>
public sealed class VerifyRemainingRecordsTests(SliceFixture fixture) : SliceTest(fixture)
{
    /// <summary>Under review with two training entries and one work entry, none checked yet.</summary>
    private async Task<(ReviewScenario Scenario, CertificationApplication Application, Guid[] TrainingIds)> WithEntriesAsync()
    {
        var scenario = await ReviewScenario.ArrangeAsync(Fixture);
        var (person, application) = await scenario.DraftAsync();
        var trainingIds = await Fixture.QueryAsync(async db =>
        {
            var tracked = await db.Applications.Include(a => a.TrainingRecords).Include(a => a.WorkExperience).SingleAsync();
            var dates = new RecordDates(TestClock.StartDay, null);
            var first = tracked.AddTrainingRecord(TestData.NoRequirements(), "Peer basics", "State office", null, 6, dates.Today.AddDays(-5), null, dates);
            var second = tracked.AddTrainingRecord(TestData.NoRequirements(), "Ethics", "State office", null, 4, dates.Today.AddDays(-4), null, dates);
            tracked.AddWorkExperience(WorkKind.Paid, "Harbor Clinic", "Peer", dates.Today.AddDays(-30), dates.Today.AddDays(-1), 100, dates);
            await db.SaveChangesAsync();
            return new[] { first.Id, second.Id };
        });
        await Fixture.SendAsync(new SubmitApplication.Command(application.Id), TestUsers.Applicant(person.Id));
        await Fixture.SendAsync(new BeginReview.Command(application.Id), TestUsers.Reviewer("TN"));
        return (scenario, application, trainingIds);
    }

    [Fact]
    public async Task Approval_is_refused_while_entries_wait_naming_how_many_of_each_kind_and_nothing_is_issued()
    {
        var (_, application, _) = await WithEntriesAsync();

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => Fixture.SendAsync(new ApproveApplication.Command(application.Id), TestUsers.Reviewer("TN")));

        Assert.Equal("This application cannot be approved while 2 training entries and 1 work entry are not yet checked: " +
            "verify or reject each one, or verify all remaining entries.", refused.Message);
        Assert.Equal(0, await Fixture.CountAsync<Credential>());
        Assert.Equal(new PendingEntries(2, 1, 0), (await Fixture.SendAsync(new GetApplicationForReview.Query(application.Id), TestUsers.Reviewer("TN"))).Pending);
    }

    [Fact]
    public async Task Verifying_all_remaining_entries_leaves_a_rejected_one_rejected_is_audited_and_lets_the_approval_through()
    {
        var (_, application, trainingIds) = await WithEntriesAsync();
        var reviewer = TestUsers.Reviewer("TN");
        await Fixture.SendAsync(new ReviewRecord.Command(application.Id, trainingIds[0], false, "No certificate."), reviewer);

        var verified = await Fixture.SendAsync(new VerifyRemainingRecords.Command(application.Id), reviewer);

        Assert.Equal(new PendingEntries(1, 1, 0), verified);
        var review = await Fixture.SendAsync(new GetApplicationForReview.Query(application.Id), reviewer);
        Assert.Equal([RecordReview.Rejected, RecordReview.Verified], review.Training.OrderBy(t => t.CompletedOn).Select(t => t.Review));
        Assert.Equal(RecordReview.Verified, review.Work.Single().Review);
        Assert.Equal(0, review.Pending.Total);
        var audited = await Fixture.QueryAsync(db => db.AuditEntries.Where(a => a.Action == nameof(VerifyRemainingRecords)).Select(a => a.EntityType).ToListAsync());
        Assert.Equal(2, audited.Count(t => t is nameof(TrainingRecord) or nameof(WorkExperience)));

        var issued = await Fixture.SendAsync(new ApproveApplication.Command(application.Id), reviewer);
        Assert.Equal("TN-CPRS-000001", issued.CredentialNumber);
    }

    [Fact]
    public async Task With_nothing_left_to_check_verifying_all_is_refused_and_it_needs_the_application_under_review()
    {
        var (scenario, application, _) = await WithEntriesAsync();
        var reviewer = TestUsers.Reviewer("TN");
        await Fixture.SendAsync(new VerifyRemainingRecords.Command(application.Id), reviewer);

        var again = await Assert.ThrowsAsync<DomainRuleException>(() => Fixture.SendAsync(new VerifyRemainingRecords.Command(application.Id), reviewer));
        Assert.Equal("Every entry is already checked; there is nothing left to verify.", again.Message);

        var (_, submitted) = await scenario.SubmittedAsync("Sam");
        var early = await Assert.ThrowsAsync<DomainRuleException>(() => Fixture.SendAsync(new VerifyRemainingRecords.Command(submitted.Id), reviewer));
        Assert.Equal("Records are reviewed while the application is under review.", early.Message);
    }

    [Fact]
    public async Task Only_the_applications_own_state_staff_verify_its_entries()
    {
        var (_, application, _) = await WithEntriesAsync();

        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.SendAsync(new VerifyRemainingRecords.Command(application.Id), TestUsers.Reviewer("OH")));
        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.SendAsync(new VerifyRemainingRecords.Command(application.Id), TestUsers.SystemAdmin()));
        Assert.Equal(3, (await Fixture.SendAsync(new GetApplicationForReview.Query(application.Id), TestUsers.Reviewer("TN"))).Pending.Total);
    }

    [Fact]
    public async Task A_state_admin_may_approve_with_entries_unchecked_under_a_waiver_and_a_reviewer_may_not()
    {
        var (_, application, _) = await WithEntriesAsync();

        await Assert.ThrowsAsync<ForbiddenException>(() =>
            Fixture.SendAsync(new ApproveApplication.Command(application.Id, null, "Evidence checked on paper."), TestUsers.Reviewer("TN")));
        await Fixture.SendAsync(new ApproveApplication.Command(application.Id, null, "Evidence checked on paper."), TestUsers.StateAdmin("TN"));

        var approved = await Fixture.QueryAsync(db => db.Applications.SingleAsync());
        Assert.Equal((ApplicationStatus.Approved, "Evidence checked on paper."), (approved.Status, approved.WaiverReason));
    }

    [Fact]
    public async Task Own_state_staff_see_the_applicants_date_of_birth_and_address_and_a_system_administrator_does_not()
    {
        var (_, application, _) = await WithEntriesAsync();
        await Fixture.QueryAsync(async db =>
        {
            var person = await db.People.SingleAsync();
            person.UpdateContact(null, new DateOnly(1985, 4, 12),
                new Registry.Domain.People.PostalAddress("100 Main Street", null, "Knoxville", "Knox", Registry.Domain.Jurisdictions.StateCode.Parse("TN"), "37902"));
            return await db.SaveChangesAsync();
        });

        var reviewer = await Fixture.SendAsync(new GetApplicationForReview.Query(application.Id), TestUsers.Reviewer("TN"));
        var admin = await Fixture.SendAsync(new GetApplicationForReview.Query(application.Id), TestUsers.SystemAdmin());

        Assert.Equal(new GetApplicationForReview.IdentityModel(new DateOnly(1985, 4, 12), "100 Main Street, Knoxville, Knox County, TN 37902"), reviewer.Identity);
        Assert.Null(admin.Identity);
    }
}

using Microsoft.EntityFrameworkCore;
using Registry.Application.Features.Review;
using Registry.Domain.Applications;
using Registry.Domain.Attestations;
using Registry.Testing;

namespace Registry.Application.Tests.Features.Review;

public sealed class ReviewRecordTests(SliceFixture fixture) : SliceTest(fixture)
{
    [Fact]
    public async Task A_rejection_needs_a_reason_and_the_review_page_shows_each_entry_with_its_review()
    {
        var scenario = await ReviewScenario.ArrangeAsync(Fixture);
        var (person, application) = await scenario.DraftAsync();
        var (trainingId, workId) = await Fixture.QueryAsync(async db =>
        {
            var tracked = await db.Applications.Include(a => a.TrainingRecords).Include(a => a.WorkExperience).SingleAsync();
            var dates = new RecordDates(TestClock.StartDay, null);
            var training = tracked.AddTrainingRecord(TestData.NoRequirements(), "Peer basics", "State office", null, 6, dates.Today.AddDays(-5), null, dates);
            var work = tracked.AddWorkExperience(WorkKind.Paid, "Harbor Clinic", "Peer", dates.Today.AddDays(-30), dates.Today.AddDays(-1), 100, dates);
            await db.SaveChangesAsync();
            return (training.Id, work.Id);
        });
        await Fixture.SendAsync(new Registry.Application.Features.Applications.SubmitApplication.Command(application.Id), TestUsers.Applicant(person.Id));
        await Fixture.SendAsync(new Registry.Application.Features.Applications.BeginReview.Command(application.Id), TestUsers.Reviewer("TN"));
        var reviewer = TestUsers.Reviewer("TN");

        await Assert.ThrowsAsync<FluentValidation.ValidationException>(() =>
            Fixture.SendAsync(new ReviewRecord.Command(application.Id, workId, false, null), reviewer));
        await Fixture.SendAsync(new ReviewRecord.Command(application.Id, trainingId, true, null), reviewer);
        await Fixture.SendAsync(new ReviewRecord.Command(application.Id, workId, false, "The clinic has no record of this role."), reviewer);

        var review = await Fixture.SendAsync(new GetApplicationForReview.Query(application.Id), reviewer);
        Assert.Equal(RecordReview.Verified, review.Training.Single().Review);
        Assert.Equal((RecordReview.Rejected, "The clinic has no record of this role."), (review.Work.Single().Review, review.Work.Single().ReviewReason));
        Assert.Equal(ApplicationStatus.UnderReview, review.Overview.Status);
        Assert.Equal("Robin Alvarez", review.ApplicantName);
        Assert.Contains(await Fixture.QueryAsync(db => db.AuditEntries.Select(a => a.Action).ToListAsync()), a => a == nameof(ReviewRecord));
    }
}

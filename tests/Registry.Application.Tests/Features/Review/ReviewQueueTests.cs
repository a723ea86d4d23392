using Registry.Application.Common.Exceptions;
using Registry.Application.Features.Applications;
using Registry.Application.Features.Review;
using Registry.Domain.Applications;
using Registry.Testing;

namespace Registry.Application.Tests.Features.Review;

public sealed class ReviewQueueTests(SliceFixture fixture) : SliceTest(fixture)
{
    [Fact]
    public async Task The_queue_lists_open_applications_of_the_state_oldest_first_with_counts_per_status()
    {
        var scenario = await ReviewScenario.ArrangeAsync(Fixture);
        await scenario.DraftAsync("Drafting");
        var (_, oldest) = await scenario.SubmittedAsync("Oldest");
        var (_, reviewing) = await scenario.UnderReviewAsync("Reviewing");
        var (_, asked) = await scenario.UnderReviewAsync("Asked");
        await Fixture.SendAsync(new RequestInformation.Command(asked.Id, "More, please."), TestUsers.Reviewer("TN"));
        var other = TestData.State("OH", "Ohio");
        await Fixture.InsertAsync(other);

        var queue = await Fixture.SendAsync(new ReviewQueue.Query { StateCode = "TN" }, TestUsers.Reviewer("TN"));

        Assert.Equal([(ApplicationStatus.Submitted, 1), (ApplicationStatus.UnderReview, 1), (ApplicationStatus.InfoRequested, 1)],
            queue.Counts.Select(c => (c.Status, c.Count)));
        Assert.Equal([oldest.Id, reviewing.Id, asked.Id], queue.Rows.Select(r => r.ApplicationId));
        Assert.Equal("Oldest Alvarez", queue.Rows[0].ApplicantName);
        Assert.Equal("Tennessee Certified Peer Specialist", queue.Rows[0].ProgramName);
        Assert.All(queue.Rows, r => Assert.Equal(0, r.AgeInDays));
        Assert.DoesNotContain(queue.Rows, r => r.Status == ApplicationStatus.Draft);
    }

    [Fact]
    public async Task The_queue_filters_by_status_and_program()
    {
        var scenario = await ReviewScenario.ArrangeAsync(Fixture);
        await scenario.SubmittedAsync("One");
        var (_, reviewing) = await scenario.UnderReviewAsync("Two");
        var reviewer = TestUsers.Reviewer("TN");

        var byStatus = await Fixture.SendAsync(new ReviewQueue.Query { StateCode = "TN", Status = ApplicationStatus.UnderReview }, reviewer);
        var byOtherProgram = await Fixture.SendAsync(new ReviewQueue.Query { StateCode = "TN", ProgramId = Guid.NewGuid() }, reviewer);

        Assert.Equal([reviewing.Id], byStatus.Rows.Select(r => r.ApplicationId));
        Assert.Equal(2, byStatus.Counts.Sum(c => c.Count)); // counts ignore the status filter
        Assert.Empty(byOtherProgram.Rows);
        Assert.Equal(0, byOtherProgram.Counts.Sum(c => c.Count));
    }

    [Fact]
    public async Task Staff_of_another_state_may_not_see_the_queue_or_the_application()
    {
        var scenario = await ReviewScenario.ArrangeAsync(Fixture);
        var (_, application) = await scenario.UnderReviewAsync();
        var ohio = TestUsers.Reviewer("OH");

        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.SendAsync(new ReviewQueue.Query { StateCode = "TN" }, ohio));
        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.SendAsync(new GetApplicationForReview.Query(application.Id), ohio));
        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.SendAsync(new ApproveApplication.Command(application.Id), ohio));
        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.SendAsync(new DenyApplication.Command(application.Id, "No."), ohio));
        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.SendAsync(new ReviewQueue.Query { StateCode = "TN" }, TestUsers.Applicant(Guid.NewGuid())));
        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.SendAsync(new ApproveApplication.Command(application.Id), TestUsers.Applicant(Guid.NewGuid())));
    }
}

using FluentValidation;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Paging;
using Registry.Application.Features.Applications;
using Registry.Application.Features.Review;
using Registry.Application.Tests.Features.Paging;
using Registry.Domain.Applications;
using Registry.Testing;

namespace Registry.Application.Tests.Features.Review;

public sealed class ReviewQueueTests(SliceFixture fixture) : SliceTest(fixture)
{
    [Fact]
    public async Task The_queue_lists_open_applications_of_the_state_oldest_first_and_the_summary_counts_them_per_status()
    {
        var scenario = await ReviewScenario.ArrangeAsync(Fixture);
        await scenario.DraftAsync("Drafting");
        var (_, oldest) = await scenario.SubmittedAsync("Oldest");
        Fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        var (_, reviewing) = await scenario.UnderReviewAsync("Reviewing");
        Fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        var (_, asked) = await scenario.UnderReviewAsync("Asked");
        await Fixture.SendAsync(new RequestInformation.Command(asked.Id, "More, please."), TestUsers.Reviewer("TN"));
        var other = TestData.State("OH", "Ohio");
        await Fixture.InsertAsync(other);

        var queue = await Fixture.SendAsync(new ReviewQueue.Query { StateCode = "TN" }, TestUsers.Reviewer("TN"));
        var summary = await Fixture.SendAsync(new ReviewQueueSummary.Query { StateCode = "TN" }, TestUsers.Reviewer("TN"));

        Assert.Equal([(ApplicationStatus.Submitted, 1), (ApplicationStatus.UnderReview, 1), (ApplicationStatus.InfoRequested, 1)],
            summary.Counts.Select(c => (c.Status, c.Count)));
        Assert.Equal("TN", summary.StateCode);
        Assert.Equal(["Tennessee Certified Peer Specialist"], summary.Programs.Select(p => p.Name));
        Assert.Equal([oldest.Id, reviewing.Id, asked.Id], queue.Items.Select(r => r.ApplicationId));
        Assert.Null(queue.Next);
        Assert.Equal("Oldest Alvarez", queue.Items[0].ApplicantName);
        Assert.Equal("Tennessee Certified Peer Specialist", queue.Items[0].ProgramName);
        Assert.All(queue.Items, r => Assert.Equal(0, r.AgeInDays));
        Assert.DoesNotContain(queue.Items, r => r.Status == ApplicationStatus.Draft);
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
        var summary = await Fixture.SendAsync(new ReviewQueueSummary.Query { StateCode = "TN" }, reviewer);
        var otherProgramSummary = await Fixture.SendAsync(new ReviewQueueSummary.Query { StateCode = "TN", ProgramId = Guid.NewGuid() }, reviewer);

        Assert.Equal([reviewing.Id], byStatus.Items.Select(r => r.ApplicationId));
        Assert.Equal(2, summary.Counts.Sum(c => c.Count));
        Assert.Empty(byOtherProgram.Items);
        Assert.Equal(0, otherProgramSummary.Counts.Sum(c => c.Count));
    }

    [Fact]
    public async Task Paging_through_the_queue_while_applications_arrive_reads_every_waiting_application_once()
    {
        var scenario = await ReviewScenario.ArrangeAsync(Fixture);
        var waiting = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            waiting.Add((await scenario.SubmittedAsync($"Waiting{i}")).Application.Id);
            Fixture.Clock.Advance(TimeSpan.FromMinutes(i % 2)); // some share an instant: the id breaks the tie
        }
        var reviewer = TestUsers.Reviewer("TN");

        var read = await PageThrough.AllAsync(
            cursor => Fixture.SendAsync(new ReviewQueue.Query { StateCode = "TN", Cursor = cursor, Limit = 2 }, reviewer),
            async pages =>
            {
                // One that waited longer than all of them (an offset would now repeat a row) and one newer than all.
                Fixture.Clock.SetTo(TestClock.Start.AddDays(-pages));
                await scenario.SubmittedAsync($"Earlier{pages}");
                Fixture.Clock.SetTo(TestClock.Start.AddDays(pages));
                await scenario.SubmittedAsync($"Later{pages}");
            });

        PageThrough.AssertEachOnce(waiting, read.Select(r => r.ApplicationId).ToList());
        Assert.Contains(read, r => r.ApplicantName.StartsWith("Later"));
        Assert.DoesNotContain(read, r => r.ApplicantName.StartsWith("Earlier"));
    }

    [Fact]
    public async Task A_limit_out_of_range_or_an_altered_cursor_is_refused_naming_it()
    {
        var scenario = await ReviewScenario.ArrangeAsync(Fixture);
        await scenario.SubmittedAsync("One");
        await scenario.SubmittedAsync("Two");
        var reviewer = TestUsers.Reviewer("TN");
        var first = await Fixture.SendAsync(new ReviewQueue.Query { StateCode = "TN", Limit = 1 }, reviewer);

        foreach (var limit in new[] { 0, Cursor.MaximumLimit + 1 })
        {
            var refused = await Assert.ThrowsAsync<ValidationException>(() => Fixture.SendAsync(new ReviewQueue.Query { StateCode = "TN", Limit = limit }, reviewer));
            Assert.Equal("limit", Assert.Single(refused.Errors).PropertyName);
        }
        Assert.Single((await Fixture.SendAsync(new ReviewQueue.Query { StateCode = "TN", Limit = Cursor.MaximumLimit }, reviewer)).Items, r => r.ApplicantName.StartsWith("Two"));
        foreach (var altered in new[] { first.Next![..^3], "not a cursor", Cursor.Encode<object?>(null) })
        {
            var refused = await Assert.ThrowsAsync<ValidationException>(() => Fixture.SendAsync(new ReviewQueue.Query { StateCode = "TN", Cursor = altered }, reviewer));
            Assert.Equal("cursor", Assert.Single(refused.Errors).PropertyName);
        }
    }

    [Fact]
    public async Task Staff_of_another_state_may_not_see_the_queue_or_the_application()
    {
        var scenario = await ReviewScenario.ArrangeAsync(Fixture);
        var (_, application) = await scenario.UnderReviewAsync();
        var ohio = TestUsers.Reviewer("OH");

        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.SendAsync(new ReviewQueue.Query { StateCode = "TN" }, ohio));
        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.SendAsync(new ReviewQueueSummary.Query { StateCode = "TN" }, ohio));
        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.SendAsync(new GetApplicationForReview.Query(application.Id), ohio));
        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.SendAsync(new ApproveApplication.Command(application.Id), ohio));
        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.SendAsync(new DenyApplication.Command(application.Id, "No."), ohio));
        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.SendAsync(new ReviewQueue.Query { StateCode = "TN" }, TestUsers.Applicant(Guid.NewGuid())));
        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.SendAsync(new ReviewQueueSummary.Query { StateCode = "TN" }, TestUsers.Applicant(Guid.NewGuid())));
        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.SendAsync(new ApproveApplication.Command(application.Id), TestUsers.Applicant(Guid.NewGuid())));
    }
}

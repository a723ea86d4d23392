using Microsoft.EntityFrameworkCore;
using Registry.Application.Features.Applications;
using Registry.Application.Features.Attestations;
using Registry.Domain.Applications;
using Registry.Domain.Common;
using Registry.Domain.Notifications;
using Registry.Testing;

namespace Registry.Application.Tests.Features.Journey;

public sealed class SubmissionTests(SliceFixture fixture) : SliceTest(fixture)
{
    [Fact]
    public async Task Submitting_with_something_missing_is_refused_with_the_list_and_nothing_changes()
    {
        var scenario = await JourneyScenario.ArrangeAsync(Fixture);

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() =>
            Fixture.SendAsync(new SubmitApplication.Command(scenario.Application.Id), TestUsers.Applicant(scenario.Applicant.Id)));

        Assert.Contains("Training: 0 of 6 hours.", refused.Message);
        Assert.Contains("Not yet signed: Code of ethics.", refused.Message);
        Assert.DoesNotContain("Exam", refused.Message); // staff record the exam later
        Assert.Equal(ApplicationStatus.Draft, (await Fixture.QueryAsync(db => db.Applications.SingleAsync())).Status);
        Assert.Equal(0, await Fixture.CountAsync<Notification>());
    }

    [Fact]
    public async Task The_overview_checklist_fills_and_then_the_application_submits_and_the_applicant_is_told()
    {
        var scenario = await JourneyScenario.ArrangeAsync(Fixture);
        var applicant = TestUsers.Applicant(scenario.Applicant.Id);
        await Fixture.ExecuteAsync(async db =>
        {
            var application = await db.Applications.Include(a => a.TrainingRecords).SingleAsync();
            var dates = new RecordDates(TestClock.StartDay, scenario.Applicant.DateOfBirth);
            application.AddTrainingRecord(JourneyScenario.Requirements(), "Ethics for peers", "State office", "ETHICS", 6, dates.Today.AddDays(-5), null, dates);
            await db.SaveChangesAsync();
        });
        foreach (var code in new[] { "lived-experience", "code-of-ethics" })
            await Fixture.SendAsync(new SignAttestation.Command { ApplicationId = scenario.Application.Id, Code = code, Agreed = true, Statement = "My story." }, applicant);
        await Fixture.SendAsync(new SignAttestation.Command { ApplicationId = scenario.Application.Id, Code = "criminal-history", Agreed = true, DisclosedYes = false }, applicant);

        var overview = await Fixture.SendAsync(new GetApplicationOverview.Query(scenario.Application.Id), applicant);
        Assert.True(overview.ReadyToSubmit);
        Assert.Contains(overview.Checklist, r => r.Sentence == "Ethical responsibility training: 6 of 4 hours." && r.IsMet);
        Assert.Contains(overview.Checklist, r => r.Code == "exam" && !r.IsMet && !r.NeededToSubmit);
        Assert.True(overview.Exam!.MaySit);

        await Fixture.SendAsync(new SubmitApplication.Command(scenario.Application.Id), applicant);

        var told = await Fixture.QueryAsync(db => db.Notifications.SingleAsync());
        Assert.Equal(scenario.Applicant.Email, told.RecipientEmail);
        Assert.Equal("Your application for Tennessee Certified Peer Specialist is submitted", told.Rendered().Subject);
        Assert.Equal("application-status", told.Template);
        Assert.Null(told.SentAt);
        // A message's facts can carry live links: the append-only audit log keeps the row but not the payload.
        var audited = await Fixture.QueryAsync(db => db.AuditEntries.SingleAsync(a => a.EntityType == nameof(Notification)));
        Assert.Contains("\"Payload\":\"(redacted)\"", audited.After);
        Assert.DoesNotContain("Hello", audited.After);
    }

    [Fact]
    public async Task Staff_requests_reach_the_applicant_who_answers_and_resubmits()
    {
        var state = TestData.State("TN", "Tennessee", "CPRS", TestData.NoRequirements());
        var person = TestData.Person();
        var application = CertificationApplication.Start(person.Id, state.Programs[0].Id, ApplicationType.Initial, Guid.NewGuid(), Now);
        await Fixture.InsertAsync(state, person, application);
        var applicant = TestUsers.Applicant(person.Id);
        await Fixture.SendAsync(new SubmitApplication.Command(application.Id), applicant);
        await Fixture.SendAsync(new BeginReview.Command(application.Id), TestUsers.Reviewer("TN"));
        await Fixture.ExecuteAsync(async db =>
        {
            var tracked = await db.Applications.Include(a => a.History).SingleAsync();
            tracked.RequestInformation(Guid.NewGuid(), Now, "Please upload your ethics certificate.");
            await db.SaveChangesAsync();
        });

        var overview = await Fixture.SendAsync(new GetApplicationOverview.Query(application.Id), applicant);
        Assert.Equal("Please upload your ethics certificate.", overview.InformationRequested);
        await Assert.ThrowsAsync<DomainRuleException>(() => Fixture.SendAsync(new SubmitApplication.Command(application.Id), applicant));
        await Fixture.SendAsync(new SubmitApplication.Command(application.Id, "Uploaded it today."), applicant);

        var history = (await Fixture.SendAsync(new GetApplicationOverview.Query(application.Id), applicant)).History;
        Assert.Equal(("Uploaded it today.", ApplicationStatus.Submitted), (history[^1].Reason, history[^1].To));
        var subjects = (await Fixture.QueryAsync(db => db.Notifications.OrderBy(n => n.CreatedAt).ToListAsync())).Select(n => n.Rendered().Subject).ToList();
        Assert.Equal(3, subjects.Count); // submitted, under review, resubmitted (the staff request was saved outside a command)
    }
}

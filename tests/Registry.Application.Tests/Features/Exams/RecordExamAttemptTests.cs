using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Features.Exams;
using Registry.Domain.Common;
using Registry.Domain.Exams;
using Registry.Testing;

namespace Registry.Application.Tests.Features.Exams;

public sealed class RecordExamAttemptTests(SliceFixture fixture) : SliceTest(fixture)
{
    private static RecordExamAttempt.Command Sitting(ExamScenario s, DateOnly on, int score) =>
        new() { ProgramId = s.Program.Id, Email = s.Applicant.Email!.ToUpperInvariant(), TakenOn = on, Score = score };

    [Fact]
    public async Task A_failed_then_passed_sitting_is_numbered_and_judged_by_the_passing_score()
    {
        var s = await ExamScenario.ArrangeAsync(Fixture);
        var first = await Fixture.SendAsync(Sitting(s, ExamScenario.Today.AddDays(-100), 69), s.Reviewer);
        var second = await Fixture.SendAsync(Sitting(s, ExamScenario.Today.AddDays(-60), 70), s.Reviewer);

        Assert.Equal((1, false), (first.AttemptNumber, first.Passed));
        Assert.Equal((2, true), (second.AttemptNumber, second.Passed));
        var listed = await Fixture.SendAsync(new ListExamAttempts.Query(s.Program.Id, s.Applicant.Id), s.Reviewer);
        Assert.Equal([69, 70], listed.Select(a => a.Score));
    }

    [Fact]
    public async Task A_retake_before_the_wait_is_refused_with_the_rule()
    {
        var s = await ExamScenario.ArrangeAsync(Fixture);
        await Fixture.SendAsync(Sitting(s, ExamScenario.Today.AddDays(-20), 50), s.Reviewer);

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => Fixture.SendAsync(Sitting(s, ExamScenario.Today.AddDays(-5), 80), s.Reviewer));
        Assert.Contains("30 days", refused.Message);
        Assert.Equal(1, await Fixture.CountAsync<ExamAttempt>());
    }

    [Fact]
    public async Task A_fourth_sitting_within_the_window_is_refused()
    {
        var s = await ExamScenario.ArrangeAsync(Fixture);
        foreach (var daysAgo in new[] { 200, 150, 100 })
            await Fixture.SendAsync(Sitting(s, ExamScenario.Today.AddDays(-daysAgo), 40), s.Reviewer);

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => Fixture.SendAsync(Sitting(s, ExamScenario.Today.AddDays(-10), 90), s.Reviewer));
        Assert.Contains("All 3 attempts", refused.Message);
    }

    [Fact]
    public async Task A_sitting_after_a_pass_is_refused()
    {
        var s = await ExamScenario.ArrangeAsync(Fixture);
        await Fixture.SendAsync(Sitting(s, ExamScenario.Today.AddDays(-100), 90), s.Reviewer);

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => Fixture.SendAsync(Sitting(s, ExamScenario.Today.AddDays(-10), 95), s.Reviewer));
        Assert.Contains("already passed", refused.Message);
    }

    [Fact]
    public async Task A_second_result_for_the_same_day_is_a_conflict()
    {
        var s = await ExamScenario.ArrangeAsync(Fixture);
        await Fixture.SendAsync(Sitting(s, ExamScenario.Today.AddDays(-10), 50), s.Reviewer);
        await Assert.ThrowsAsync<ConflictException>(() => Fixture.SendAsync(Sitting(s, ExamScenario.Today.AddDays(-10), 60), s.Reviewer));
    }

    [Fact]
    public async Task Future_dates_scores_out_of_range_and_people_without_an_application_are_refused()
    {
        var s = await ExamScenario.ArrangeAsync(Fixture);
        await Assert.ThrowsAsync<ValidationException>(() => Fixture.SendAsync(Sitting(s, ExamScenario.Today.AddDays(2), 50), s.Reviewer));
        await Assert.ThrowsAsync<ValidationException>(() => Fixture.SendAsync(Sitting(s, ExamScenario.Today, 1001), s.Reviewer));
        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.SendAsync(Sitting(s, ExamScenario.Today, 50) with { Email = s.Stranger.Email }, s.Reviewer));
        Assert.Equal(0, await Fixture.CountAsync<ExamAttempt>());
    }

    [Fact]
    public async Task Another_states_staff_and_applicants_are_refused()
    {
        var s = await ExamScenario.ArrangeAsync(Fixture);
        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.SendAsync(Sitting(s, ExamScenario.Today, 50), TestUsers.Reviewer("PA")));
        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.SendAsync(Sitting(s, ExamScenario.Today, 50), TestUsers.Applicant(s.Applicant.Id)));
        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.SendAsync(new ListExamAttempts.Query(s.Program.Id), TestUsers.StateAdmin("PA")));
        Assert.Equal(0, await Fixture.QueryAsync(db => db.ExamAttempts.CountAsync()));
    }
}

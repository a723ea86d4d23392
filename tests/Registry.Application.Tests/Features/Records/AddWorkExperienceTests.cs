using FluentValidation;
using Registry.Application.Common.Exceptions;
using Registry.Application.Features.Records;
using Registry.Domain.Applications;
using Registry.Domain.Auditing;
using Registry.Domain.Common;

namespace Registry.Application.Tests.Features.Records;

public sealed class AddWorkExperienceTests(SliceFixture fixture) : SliceTest(fixture)
{
    private static AddWorkExperience.Command Work(Guid applicationId) => new()
    {
        ApplicationId = applicationId, Kind = WorkKind.Volunteer, Organisation = "Harbor House", Role = "Peer mentor",
        StartOn = RecordsScenario.Today.AddDays(-60), EndOn = RecordsScenario.Today.AddDays(-1), Hours = 120.25m,
    };

    private async Task<int> AuditCountAsync() => await Fixture.CountAsync<AuditEntry>();

    private async Task AssertNothingWrittenAsync(int auditBefore)
    {
        Assert.Equal(0, await Fixture.CountAsync<WorkExperience>());
        Assert.Equal(auditBefore, await AuditCountAsync());
    }

    [Fact]
    public async Task Volunteer_work_is_recorded()
    {
        var scenario = await RecordsScenario.ArrangeAsync(Fixture);

        await Fixture.SendAsync(Work(scenario.Draft.Id), scenario.AsApplicant);

        var saved = await Fixture.QueryAsync(db => Task.FromResult(db.Set<WorkExperience>().Single()));
        Assert.Equal((WorkKind.Volunteer, 120.25m, "Peer mentor"), (saved.Kind, saved.Hours, saved.Role));
    }

    [Fact]
    public async Task An_end_before_the_start_is_refused()
    {
        var scenario = await RecordsScenario.ArrangeAsync(Fixture);
        var before = await AuditCountAsync();

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => Fixture.SendAsync(
            Work(scenario.Draft.Id) with { StartOn = RecordsScenario.Today.AddDays(-10), EndOn = RecordsScenario.Today.AddDays(-20), Hours = 10 }, scenario.AsApplicant));

        Assert.Equal("The end date is before the start date.", refused.Message);
        await AssertNothingWrittenAsync(before);
    }

    [Fact]
    public async Task More_than_24_hours_a_day_is_refused()
    {
        var scenario = await RecordsScenario.ArrangeAsync(Fixture);
        var before = await AuditCountAsync();
        var day = RecordsScenario.Today.AddDays(-3);

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() =>
            Fixture.SendAsync(Work(scenario.Draft.Id) with { StartOn = day, EndOn = day, Hours = 24.25m }, scenario.AsApplicant));

        Assert.Contains("cannot be more than 24", refused.Message);
        await AssertNothingWrittenAsync(before);
    }

    [Theory]
    [InlineData(3, "future")]
    [InlineData(-99999, "14th birthday")]
    public async Task Dates_in_the_future_or_before_the_14th_birthday_are_refused(int startOffsetDays, string reason)
    {
        var scenario = await RecordsScenario.ArrangeAsync(Fixture);
        var before = await AuditCountAsync();
        var start = startOffsetDays > 0 ? RecordsScenario.Today.AddDays(startOffsetDays) : RecordsScenario.BornOn.AddYears(10);

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() =>
            Fixture.SendAsync(Work(scenario.Draft.Id) with { StartOn = start, EndOn = start, Hours = 4 }, scenario.AsApplicant));

        Assert.Contains(reason, refused.Message);
        await AssertNothingWrittenAsync(before);
    }

    [Fact]
    public async Task Negative_hours_and_an_unknown_kind_are_field_errors()
    {
        var scenario = await RecordsScenario.ArrangeAsync(Fixture);
        var before = await AuditCountAsync();

        var refused = await Assert.ThrowsAsync<ValidationException>(() =>
            Fixture.SendAsync(Work(scenario.Draft.Id) with { Hours = -8, Kind = (WorkKind)9 }, scenario.AsApplicant));

        Assert.Equal(["Hours", "Kind"], refused.Errors.Select(e => e.PropertyName).Order());
        await AssertNothingWrittenAsync(before);
    }

    [Fact]
    public async Task The_same_work_twice_is_refused()
    {
        var scenario = await RecordsScenario.ArrangeAsync(Fixture);
        await Fixture.SendAsync(Work(scenario.Draft.Id), scenario.AsApplicant);

        await Assert.ThrowsAsync<DomainRuleException>(() => Fixture.SendAsync(Work(scenario.Draft.Id) with { Hours = 10 }, scenario.AsApplicant));

        Assert.Equal(1, await Fixture.CountAsync<WorkExperience>());
    }

    [Fact]
    public async Task Someone_elses_application_is_not_found_and_a_submitted_one_is_closed()
    {
        var scenario = await RecordsScenario.ArrangeAsync(Fixture);
        var submitted = await scenario.SubmittedApplicationAsync(Fixture);
        var before = await AuditCountAsync();

        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.SendAsync(Work(scenario.OtherDraft.Id), scenario.AsApplicant));
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => Fixture.SendAsync(Work(submitted), scenario.AsApplicant));

        Assert.Contains("submitted", refused.Message);
        await AssertNothingWrittenAsync(before);
    }
}

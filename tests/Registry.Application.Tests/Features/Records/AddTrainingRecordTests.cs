using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Features.Records;
using Registry.Domain.Applications;
using Registry.Domain.Auditing;
using Registry.Domain.Common;
using Registry.Testing;

namespace Registry.Application.Tests.Features.Records;

public sealed class AddTrainingRecordTests(SliceFixture fixture) : SliceTest(fixture)
{
    private static AddTrainingRecord.Command Course(Guid applicationId) => new()
    {
        ApplicationId = applicationId, Course = "Intentional Peer Support", Provider = "IPS Core", DomainCode = "ETHICS",
        Hours = 7.5m, CompletedOn = RecordsScenario.Today.AddDays(-30),
    };

    private async Task AssertNothingWrittenAsync(int auditBefore)
    {
        Assert.Equal(0, await Fixture.CountAsync<TrainingRecord>());
        Assert.Equal(auditBefore, await Fixture.CountAsync<AuditEntry>());
    }

    [Fact]
    public async Task A_course_is_recorded_on_the_applicants_draft_and_audited()
    {
        var scenario = await RecordsScenario.ArrangeAsync(Fixture);

        var added = await Fixture.SendAsync(Course(scenario.Draft.Id), scenario.AsApplicant);

        var saved = await Fixture.QueryAsync(db => db.Set<TrainingRecord>().SingleAsync());
        Assert.Equal(added.RecordId, saved.Id);
        Assert.Equal((7.5m, "ETHICS"), (saved.Hours, saved.DomainCode));
        var audit = await Fixture.QueryAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "AddTrainingRecord" && a.EntityType == nameof(TrainingRecord)));
        Assert.Equal("TN", audit.StateCode);
    }

    [Fact]
    public async Task General_training_needs_no_domain()
    {
        var scenario = await RecordsScenario.ArrangeAsync(Fixture);

        await Fixture.SendAsync(Course(scenario.Draft.Id) with { DomainCode = null }, scenario.AsApplicant);

        Assert.Equal("", await Fixture.QueryAsync(db => db.Set<TrainingRecord>().Select(t => t.DomainCode).SingleAsync()));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-2")]
    [InlineData("100000000000000000000000")]
    public async Task Zero_negative_or_absurd_hours_are_field_errors_and_nothing_is_written(string hours)
    {
        var scenario = await RecordsScenario.ArrangeAsync(Fixture);
        var auditBefore = await Fixture.CountAsync<AuditEntry>();

        var refused = await Assert.ThrowsAsync<ValidationException>(() =>
            Fixture.SendAsync(Course(scenario.Draft.Id) with { Hours = decimal.Parse(hours, System.Globalization.CultureInfo.InvariantCulture) }, scenario.AsApplicant));

        Assert.Contains(refused.Errors, e => e.PropertyName == "Hours");
        await AssertNothingWrittenAsync(auditBefore);
    }

    [Theory]
    [InlineData("1.1", "quarter hour")]
    [InlineData("2.3", "quarter hour")]
    [InlineData("0.1", "quarter hour")]
    [InlineData("250", "cannot be more than 200")]
    public async Task Hours_not_in_quarters_or_beyond_the_rule_are_refused_by_the_domain(string hours, string reason)
    {
        var scenario = await RecordsScenario.ArrangeAsync(Fixture);
        var auditBefore = await Fixture.CountAsync<AuditEntry>();

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() =>
            Fixture.SendAsync(Course(scenario.Draft.Id) with { Hours = decimal.Parse(hours, System.Globalization.CultureInfo.InvariantCulture) }, scenario.AsApplicant));

        Assert.Contains(reason, refused.Message);
        await AssertNothingWrittenAsync(auditBefore);
    }

    [Fact]
    public async Task A_completion_date_in_the_future_is_refused()
    {
        var scenario = await RecordsScenario.ArrangeAsync(Fixture);
        var auditBefore = await Fixture.CountAsync<AuditEntry>();

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() =>
            Fixture.SendAsync(Course(scenario.Draft.Id) with { CompletedOn = RecordsScenario.Today.AddDays(2) }, scenario.AsApplicant));

        Assert.Contains("future", refused.Message);
        await AssertNothingWrittenAsync(auditBefore);
    }

    [Fact]
    public async Task A_completion_date_before_the_applicants_14th_birthday_is_refused()
    {
        var scenario = await RecordsScenario.ArrangeAsync(Fixture);
        var auditBefore = await Fixture.CountAsync<AuditEntry>();

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() =>
            Fixture.SendAsync(Course(scenario.Draft.Id) with { CompletedOn = RecordsScenario.BornOn.AddYears(14).AddDays(-1) }, scenario.AsApplicant));

        Assert.Contains("14th birthday", refused.Message);
        await AssertNothingWrittenAsync(auditBefore);
    }

    [Fact]
    public async Task An_unknown_training_domain_is_refused()
    {
        var scenario = await RecordsScenario.ArrangeAsync(Fixture);
        var auditBefore = await Fixture.CountAsync<AuditEntry>();

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() =>
            Fixture.SendAsync(Course(scenario.Draft.Id) with { DomainCode = "ASTROLOGY" }, scenario.AsApplicant));

        Assert.Contains("not one of this program's training domains", refused.Message);
        await AssertNothingWrittenAsync(auditBefore);
    }

    [Fact]
    public async Task The_same_course_twice_is_refused_and_only_the_first_is_kept()
    {
        var scenario = await RecordsScenario.ArrangeAsync(Fixture);
        await Fixture.SendAsync(Course(scenario.Draft.Id), scenario.AsApplicant);

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() =>
            Fixture.SendAsync(Course(scenario.Draft.Id) with { Course = " intentional peer support ", Hours = 3 }, scenario.AsApplicant));

        Assert.Contains("already recorded", refused.Message);
        Assert.Equal(1, await Fixture.CountAsync<TrainingRecord>());
    }

    [Fact]
    public async Task Missing_fields_are_reported_together()
    {
        var scenario = await RecordsScenario.ArrangeAsync(Fixture);

        var refused = await Assert.ThrowsAsync<ValidationException>(() =>
            Fixture.SendAsync(new AddTrainingRecord.Command { ApplicationId = scenario.Draft.Id }, scenario.AsApplicant));

        Assert.Equal(["CompletedOn", "Course", "Hours", "Provider"], refused.Errors.Select(e => e.PropertyName).Distinct().Order());
        Assert.Equal(0, await Fixture.CountAsync<TrainingRecord>());
    }

    [Fact]
    public async Task Another_applicants_application_is_not_found_and_untouched()
    {
        var scenario = await RecordsScenario.ArrangeAsync(Fixture);
        var auditBefore = await Fixture.CountAsync<AuditEntry>();

        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.SendAsync(Course(scenario.OtherDraft.Id), scenario.AsApplicant));

        await AssertNothingWrittenAsync(auditBefore);
    }

    [Fact]
    public async Task A_submitted_application_cannot_be_changed_and_says_why()
    {
        var scenario = await RecordsScenario.ArrangeAsync(Fixture);
        var submitted = await scenario.SubmittedApplicationAsync(Fixture);
        var auditBefore = await Fixture.CountAsync<AuditEntry>();

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() =>
            Fixture.SendAsync(Course(submitted) with { DomainCode = null }, scenario.AsApplicant));

        Assert.Contains("This application is submitted; it can be changed only while it is a draft", refused.Message);
        await AssertNothingWrittenAsync(auditBefore);
    }

    [Fact]
    public async Task Staff_cannot_add_an_applicants_training()
    {
        var scenario = await RecordsScenario.ArrangeAsync(Fixture);

        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.SendAsync(Course(scenario.Draft.Id), TestUsers.Reviewer("TN")));

        Assert.Equal(0, await Fixture.CountAsync<TrainingRecord>());
    }
}

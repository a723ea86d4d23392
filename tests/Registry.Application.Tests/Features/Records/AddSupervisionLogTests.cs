using FluentValidation;
using Registry.Application.Common.Exceptions;
using Registry.Application.Features.Records;
using Registry.Domain.Applications;
using Registry.Domain.Auditing;
using Registry.Domain.Common;

namespace Registry.Application.Tests.Features.Records;

public sealed class AddSupervisionLogTests(SliceFixture fixture) : SliceTest(fixture)
{
    public static AddSupervisionLog.Command Session(Guid applicationId, string supervisorEmail = "dana.supervisor@example.org", int daysAgo = 7, decimal hours = 1.5m) => new()
    {
        ApplicationId = applicationId, HeldOn = RecordsScenario.Today.AddDays(-daysAgo), Hours = hours, Format = SupervisionFormat.Individual,
        Topics = "Boundaries when sharing lived experience", SupervisorName = "Dana Brooks", SupervisorCredential = "LCSW", SupervisorEmail = supervisorEmail,
    };

    private async Task AssertNothingWrittenAsync(int auditBefore)
    {
        Assert.Equal(0, await Fixture.CountAsync<SupervisionLog>());
        Assert.Equal(auditBefore, await Fixture.CountAsync<AuditEntry>());
    }

    [Fact]
    public async Task A_session_is_recorded_as_waiting_for_the_supervisor()
    {
        var scenario = await RecordsScenario.ArrangeAsync(Fixture);

        await Fixture.SendAsync(Session(scenario.Draft.Id), scenario.AsApplicant);

        var check = await scenario.SupervisionCheckAsync(Fixture);
        Assert.Equal(0, check.Have);
        Assert.Contains("1.5 hours waiting for confirmation", check.Sentence);
    }

    [Theory]
    [InlineData("24.25", "cannot be more than 24")]
    [InlineData("30", "cannot be more than 24")]
    [InlineData("1.2", "quarter hour")]
    public async Task More_than_a_day_or_hours_not_in_quarters_are_refused(string hours, string reason)
    {
        var scenario = await RecordsScenario.ArrangeAsync(Fixture);
        var before = await Fixture.CountAsync<AuditEntry>();

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() =>
            Fixture.SendAsync(Session(scenario.Draft.Id, hours: decimal.Parse(hours, System.Globalization.CultureInfo.InvariantCulture)), scenario.AsApplicant));

        Assert.Contains(reason, refused.Message);
        await AssertNothingWrittenAsync(before);
    }

    [Fact]
    public async Task A_session_in_the_future_is_refused()
    {
        var scenario = await RecordsScenario.ArrangeAsync(Fixture);
        var before = await Fixture.CountAsync<AuditEntry>();

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => Fixture.SendAsync(Session(scenario.Draft.Id, daysAgo: -1), scenario.AsApplicant));

        Assert.Contains("future", refused.Message);
        await AssertNothingWrittenAsync(before);
    }

    [Fact]
    public async Task Zero_hours_and_a_malformed_email_are_field_errors()
    {
        var scenario = await RecordsScenario.ArrangeAsync(Fixture);
        var before = await Fixture.CountAsync<AuditEntry>();

        var refused = await Assert.ThrowsAsync<ValidationException>(() =>
            Fixture.SendAsync(Session(scenario.Draft.Id, supervisorEmail: "not an address", hours: 0), scenario.AsApplicant));

        Assert.Equal(["Hours", "SupervisorEmail"], refused.Errors.Select(e => e.PropertyName).Order());
        await AssertNothingWrittenAsync(before);
    }

    [Fact]
    public async Task The_same_session_twice_is_refused()
    {
        var scenario = await RecordsScenario.ArrangeAsync(Fixture);
        await Fixture.SendAsync(Session(scenario.Draft.Id), scenario.AsApplicant);

        await Assert.ThrowsAsync<DomainRuleException>(() => Fixture.SendAsync(Session(scenario.Draft.Id, "DANA.SUPERVISOR@example.org"), scenario.AsApplicant));

        Assert.Equal(1, await Fixture.CountAsync<SupervisionLog>());
    }

    [Fact]
    public async Task Someone_elses_application_is_not_found()
    {
        var scenario = await RecordsScenario.ArrangeAsync(Fixture);
        var before = await Fixture.CountAsync<AuditEntry>();

        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.SendAsync(Session(scenario.OtherDraft.Id), scenario.AsApplicant));

        await AssertNothingWrittenAsync(before);
    }
}

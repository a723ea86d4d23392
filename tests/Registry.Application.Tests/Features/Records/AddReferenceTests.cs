using Registry.Application.Common.Exceptions;
using Registry.Application.Features.Records;
using Registry.Domain.Applications;
using Registry.Domain.Auditing;
using Registry.Domain.Common;

namespace Registry.Application.Tests.Features.Records;

public sealed class AddReferenceTests(SliceFixture fixture) : SliceTest(fixture)
{
    public static AddReference.Command Referee(Guid applicationId, string email = "lee.referee@example.org") => new()
    {
        ApplicationId = applicationId, RefereeName = "Lee Okafor", RefereeEmail = email, Relationship = "My manager at Harbor House",
    };

    [Fact]
    public async Task A_referee_is_named_and_waits_to_confirm()
    {
        var scenario = await RecordsScenario.ArrangeAsync(Fixture);

        await Fixture.SendAsync(Referee(scenario.Draft.Id), scenario.AsApplicant);

        var saved = await Fixture.QueryAsync(db => Task.FromResult(db.Set<Reference>().Single()));
        Assert.Equal("Lee Okafor", saved.RefereeName);
        Assert.False(saved.IsConfirmed);
    }

    [Fact]
    public async Task The_same_referee_twice_is_refused()
    {
        var scenario = await RecordsScenario.ArrangeAsync(Fixture);
        await Fixture.SendAsync(Referee(scenario.Draft.Id), scenario.AsApplicant);

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => Fixture.SendAsync(Referee(scenario.Draft.Id, " LEE.referee@example.org "), scenario.AsApplicant));

        Assert.Equal("This referee is already named.", refused.Message);
        Assert.Equal(1, await Fixture.CountAsync<Reference>());
    }

    [Fact]
    public async Task A_program_without_references_refuses_one()
    {
        var scenario = await RecordsScenario.ArrangeAsync(Fixture);
        var submitted = await scenario.SubmittedApplicationAsync(Fixture);
        var before = await Fixture.CountAsync<AuditEntry>();

        // The Georgia application is both submitted and without references: the closed application speaks first.
        await Assert.ThrowsAsync<DomainRuleException>(() => Fixture.SendAsync(Referee(submitted), scenario.AsApplicant));
        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.SendAsync(Referee(scenario.OtherDraft.Id), scenario.AsApplicant));

        Assert.Equal(0, await Fixture.CountAsync<Reference>());
        Assert.Equal(before, await Fixture.CountAsync<AuditEntry>());
    }
}

using Registry.Application.Common.Exceptions;
using Registry.Application.Features.Records;
using Registry.Domain.Applications;
using Registry.Domain.Common;

namespace Registry.Application.Tests.Features.Records;

public sealed class RemoveRecordTests(SliceFixture fixture) : SliceTest(fixture)
{
    [Fact]
    public async Task An_entry_added_by_mistake_is_removed()
    {
        var scenario = await RecordsScenario.ArrangeAsync(Fixture);
        var added = await Fixture.SendAsync(AddSupervisionLogTests.Session(scenario.Draft.Id), scenario.AsApplicant);

        await Fixture.SendAsync(new RemoveRecord.Command(scenario.Draft.Id, RecordKind.Supervision, added.RecordId), scenario.AsApplicant);

        Assert.Equal(0, await Fixture.CountAsync<SupervisionLog>());
    }

    [Fact]
    public async Task Another_applicant_cannot_remove_it()
    {
        var scenario = await RecordsScenario.ArrangeAsync(Fixture);
        var added = await Fixture.SendAsync(AddSupervisionLogTests.Session(scenario.Draft.Id), scenario.AsApplicant);

        await Assert.ThrowsAsync<NotFoundException>(() =>
            Fixture.SendAsync(new RemoveRecord.Command(scenario.Draft.Id, RecordKind.Supervision, added.RecordId), Registry.Testing.TestUsers.Applicant(scenario.OtherApplicant.Id)));
        await Assert.ThrowsAsync<DomainRuleException>(() =>
            Fixture.SendAsync(new RemoveRecord.Command(scenario.Draft.Id, RecordKind.Supervision, Guid.NewGuid()), scenario.AsApplicant));

        Assert.Equal(1, await Fixture.CountAsync<SupervisionLog>());
    }

    [Fact]
    public async Task An_entry_is_removed_only_as_its_own_kind()
    {
        var scenario = await RecordsScenario.ArrangeAsync(Fixture);
        var added = await Fixture.SendAsync(AddSupervisionLogTests.Session(scenario.Draft.Id), scenario.AsApplicant);

        await Assert.ThrowsAsync<DomainRuleException>(() =>
            Fixture.SendAsync(new RemoveRecord.Command(scenario.Draft.Id, RecordKind.Training, added.RecordId), scenario.AsApplicant));

        Assert.Equal(1, await Fixture.CountAsync<SupervisionLog>());
    }
}

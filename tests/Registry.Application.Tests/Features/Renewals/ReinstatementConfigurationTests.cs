using FluentValidation;
using Registry.Application.Features.Programs;
using Registry.Testing;

namespace Registry.Application.Tests.Features.Renewals;

public sealed class ReinstatementConfigurationTests(SliceFixture fixture) : SliceTest(fixture)
{
    [Fact]
    public async Task A_state_admin_sets_what_reinstatement_needs_and_nonsense_is_refused()
    {
        var scenario = await RenewalScenario.ArrangeAsync(Fixture, expiresInDays: 20);
        var admin = TestUsers.StateAdmin("TN");
        var current = (await Fixture.SendAsync(new GetProgramConfiguration.Query(scenario.Program.Id), admin)).Requirements;
        Assert.Equal((null, false), (current.ReinstatementContinuingEducationHours, current.ReinstatementRequiresExam));

        await Fixture.SendAsync(new ConfigureProgram.Command
        {
            ProgramId = scenario.Program.Id, Requirements = current with { ReinstatementContinuingEducationHours = 18, ReinstatementRequiresExam = true },
        }, admin);
        var saved = (await Fixture.SendAsync(new GetProgramConfiguration.Query(scenario.Program.Id), admin)).Requirements;
        Assert.Equal((18m, true), (saved.ReinstatementContinuingEducationHours, saved.ReinstatementRequiresExam));

        await Assert.ThrowsAsync<ValidationException>(() => Fixture.SendAsync(new ConfigureProgram.Command
        {
            ProgramId = scenario.Program.Id, Requirements = saved with { HasExam = false },
        }, admin));
        await Assert.ThrowsAsync<ValidationException>(() => Fixture.SendAsync(new ConfigureProgram.Command
        {
            ProgramId = scenario.Program.Id, Requirements = saved with { ReinstatementContinuingEducationHours = -1 },
        }, admin));
        await Assert.ThrowsAsync<Domain.Common.DomainRuleException>(() => Fixture.SendAsync(new ConfigureProgram.Command
        {
            ProgramId = scenario.Program.Id, Requirements = saved with { ReinstatementContinuingEducationHours = 0.5m }, // fewer than the ethics hours
        }, admin));
    }
}

using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Features.Applications;
using Registry.Application.Features.Programs;
using Registry.Application.Tests.Features.Renewals;
using Registry.Domain.Common;
using Registry.Testing;

namespace Registry.Application.Tests.Features.Programs;

public sealed class RetireProgramTests(SliceFixture fixture) : SliceTest(fixture)
{
    private static DateOnly Today => TestClock.StartDay;

    [Fact]
    public async Task A_retired_program_refuses_new_applications_while_its_credentials_renew()
    {
        var scenario = await RenewalScenario.ArrangeAsync(Fixture, expiresInDays: 40);
        var newcomer = TestData.Person("New", "Comer");
        await Fixture.InsertAsync(newcomer);

        await Fixture.SendAsync(new RetireProgram.Command { ProgramId = scenario.Program.Id, EffectiveOn = Today, Reason = "Replaced by CPRS II." }, TestUsers.StateAdmin("TN"));

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() =>
            Fixture.SendAsync(new StartApplication.Command { ProgramId = scenario.Program.Id }, TestUsers.Applicant(newcomer.Id)));
        Assert.Contains("no longer accepts new applications", refused.Message);
        var renewal = await scenario.StartAsync();
        Assert.NotEqual(Guid.Empty, renewal.ApplicationId);
        Assert.True(await Fixture.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "RetireProgram" && a.StateCode == "TN")));

        await Fixture.SendAsync(new ReopenProgram.Command(scenario.Program.Id), TestUsers.StateAdmin("TN"));
        await Fixture.SendAsync(new StartApplication.Command { ProgramId = scenario.Program.Id }, TestUsers.Applicant(newcomer.Id));
        Assert.True(await Fixture.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "ReopenProgram" && a.StateCode == "TN")));
    }

    [Fact]
    public async Task A_program_retired_from_a_later_day_takes_applications_until_then()
    {
        var state = TestData.State("TN", "Tennessee", "CPRS", TestData.NoRequirements());
        var person = TestData.Person("Early", "Applicant");
        await Fixture.InsertAsync(state, person);
        var programId = state.Programs[0].Id;

        await Fixture.SendAsync(new RetireProgram.Command { ProgramId = programId, EffectiveOn = Today.AddDays(1), Reason = "Closing." }, TestUsers.StateAdmin("TN"));
        await Fixture.SendAsync(new StartApplication.Command { ProgramId = programId }, TestUsers.Applicant(person.Id));

        Assert.Equal(Today.AddDays(1), await Fixture.QueryAsync(db => db.Programs.Select(p => p.RetiredOn).SingleAsync()));
    }

    [Fact]
    public async Task Only_the_states_admin_retires_from_today_on_with_a_reason()
    {
        var state = TestData.State("TN", "Tennessee", "CPRS", TestData.NoRequirements());
        await Fixture.InsertAsync(state);
        var programId = state.Programs[0].Id;
        RetireProgram.Command Retire(DateOnly on, string reason = "Closing.") => new() { ProgramId = programId, EffectiveOn = on, Reason = reason };

        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.SendAsync(Retire(Today), TestUsers.StateAdmin("PA")));
        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.SendAsync(Retire(Today), TestUsers.Reviewer("TN")));
        var invalid = await Assert.ThrowsAsync<ValidationException>(() => Fixture.SendAsync(Retire(Today.AddDays(-1), " "), TestUsers.StateAdmin("TN")));
        Assert.Equal(["EffectiveOn", "Reason"], invalid.Errors.Select(e => e.PropertyName).Distinct().Order());
        await Assert.ThrowsAsync<DomainRuleException>(() => Fixture.SendAsync(new ReopenProgram.Command(programId), TestUsers.StateAdmin("TN")));

        Assert.Null(await Fixture.QueryAsync(db => db.Programs.Select(p => p.RetiredOn).SingleAsync()));
    }
}

using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Features.Applications;
using Registry.Application.Features.Programs;
using Registry.Domain.Applications;
using Registry.Domain.Common;
using Registry.Domain.Credentials;
using Registry.Testing;

namespace Registry.Application.Tests.Features.Programs;

public sealed class ConfigureProgramTests(SliceFixture fixture) : SliceTest(fixture)
{
    [Fact]
    public async Task New_requirements_apply_to_new_applications_while_submitted_ones_keep_their_version()
    {
        var state = TestData.State("TN", "Tennessee", "CPRS", TestData.NoRequirements());
        var early = TestData.Person("Early", "Bird");
        var late = TestData.Person("Late", "Comer");
        await Fixture.InsertAsync(state, early, late);
        var programId = state.Programs[0].Id;
        var submitted = await Fixture.SendAsync(new StartApplication.Command { ProgramId = programId }, TestUsers.Applicant(early.Id));
        await Fixture.SendAsync(new SubmitApplication.Command(submitted.ApplicationId), TestUsers.Applicant(early.Id));

        var current = await Fixture.SendAsync(new GetProgramConfiguration.Query(programId), TestUsers.StateAdmin("TN"));
        var version = await Fixture.SendAsync(new ConfigureProgram.Command
        {
            ProgramId = programId,
            Requirements = current.Requirements with { TrainingHoursTotal = 40, RequiredAttestations = ["code-of-ethics"] },
        }, TestUsers.StateAdmin("TN"));
        Assert.Equal(2, version);

        var draft = await Fixture.SendAsync(new StartApplication.Command { ProgramId = programId }, TestUsers.Applicant(late.Id));
        var newChecklist = await Fixture.SendAsync(new GetApplicationOverview.Query(draft.ApplicationId), TestUsers.Applicant(late.Id));
        Assert.Contains(newChecklist.Checklist, r => r.Sentence == "Training: 0 of 40 hours.");
        var oldChecklist = await Fixture.SendAsync(new GetApplicationOverview.Query(submitted.ApplicationId), TestUsers.Reviewer("TN"));
        Assert.Empty(oldChecklist.Checklist); // judged by version 1, which asked for nothing
        Assert.Equal(1, await Fixture.QueryAsync(db => db.Applications.Where(a => a.Id == submitted.ApplicationId).Select(a => a.RequirementsVersion).SingleAsync()));
        Assert.True(await Fixture.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "ConfigureProgram" && a.StateCode == "TN")));
    }

    [Fact]
    public async Task A_calendar_date_program_expires_every_credential_on_that_date()
    {
        var state = TestData.State("TX", "Texas", "PS", TestData.NoRequirements());
        await Fixture.InsertAsync(state);
        var current = await Fixture.SendAsync(new GetProgramConfiguration.Query(state.Programs[0].Id), TestUsers.StateAdmin("TX"));
        await Fixture.SendAsync(new ConfigureProgram.Command
        {
            ProgramId = state.Programs[0].Id,
            Requirements = current.Requirements with { RenewalCycleMonths = 12, RenewsOnMonth = 12, RenewsOnDay = 31, ReminderDays = [60, 30] },
        }, TestUsers.StateAdmin("TX"));

        var program = await Fixture.QueryAsync(db => db.Programs.AsNoTracking().SingleAsync());
        var credential = Credential.Issue(program, Guid.NewGuid(), new DateOnly(2026, 3, 10), Guid.NewGuid(), Now);
        Assert.Equal(new DateOnly(2026, 12, 31), credential.ExpiresOn);
        Assert.Equal([60, 30], program.Requirements.ReminderDays);
    }

    [Fact]
    public async Task Only_the_states_admin_configures_and_nonsense_is_refused_with_nothing_changed()
    {
        var state = TestData.State("TN", "Tennessee", "CPRS", TestData.NoRequirements());
        await Fixture.InsertAsync(state);
        var programId = state.Programs[0].Id;
        var current = (await Fixture.SendAsync(new GetProgramConfiguration.Query(programId), TestUsers.StateAdmin("TN"))).Requirements;

        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.SendAsync(new ConfigureProgram.Command { ProgramId = programId, Requirements = current }, TestUsers.StateAdmin("PA")));
        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.SendAsync(new ConfigureProgram.Command { ProgramId = programId, Requirements = current }, TestUsers.Reviewer("TN")));
        await Assert.ThrowsAsync<DomainRuleException>(() => Fixture.SendAsync(new ConfigureProgram.Command
            { ProgramId = programId, Requirements = current with { ContinuingEducationHours = 10, EthicsContinuingEducationHours = 12 } }, TestUsers.StateAdmin("TN")));
        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.SendAsync(new ConfigureProgram.Command
            { ProgramId = programId, Requirements = current with { RequiredAttestations = ["made-up"] } }, TestUsers.StateAdmin("TN")));

        Assert.Equal(1, await Fixture.QueryAsync(db => db.Programs.Select(p => p.RequirementsVersion).SingleAsync()));
        Assert.Equal(0, await Fixture.QueryAsync(db => db.ProgramRequirementsVersions.CountAsync()));
    }
}

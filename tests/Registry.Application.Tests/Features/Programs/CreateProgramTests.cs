using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Features.Applications;
using Registry.Application.Features.Programs;
using Registry.Domain.Jurisdictions;
using Registry.Testing;

namespace Registry.Application.Tests.Features.Programs;

public sealed class CreateProgramTests(SliceFixture fixture) : SliceTest(fixture)
{
    [Fact]
    public async Task A_program_from_the_ICRC_template_keeps_what_the_admin_adjusted_and_takes_applications()
    {
        await Fixture.InsertAsync(TestData.State("TN", "Tennessee", "CPRS", TestData.NoRequirements()));
        var person = TestData.Person("First", "Applicant");
        await Fixture.InsertAsync(person);
        var templates = await Fixture.SendAsync(new GetProgramTemplates.Query(), TestUsers.StateAdmin("TN"));
        var icrc = templates.Templates.Single(t => t.Key == "icrc-peer-recovery").Requirements;

        var created = await Fixture.SendAsync(new CreateProgram.Command
        {
            StateCode = "TN", Code = "cprs2", Name = "Certified Peer Recovery Specialist II",
            Requirements = icrc with { ReferencesRequired = 2 },
        }, TestUsers.StateAdmin("TN"));

        Assert.Equal("CPRS2", created.Code);
        var program = await Fixture.QueryAsync(db => db.Programs.AsNoTracking().SingleAsync(p => p.Id == created.Id));
        Assert.Equal((46m, 500m, 25m, 2, 500), (program.Requirements.TrainingHoursTotal, program.Requirements.SupervisedWorkHours,
            program.Requirements.SupervisionHours, program.Requirements.ReferencesRequired, program.Requirements.Exam!.PassingScore));
        Assert.Equal(ProgramTemplates.StandardAttestations, program.Requirements.RequiredAttestations);
        Assert.True(await Fixture.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "CreateProgram" && a.StateCode == "TN")));

        var started = await Fixture.SendAsync(new StartApplication.Command { ProgramId = created.Id }, TestUsers.Applicant(person.Id));
        var overview = await Fixture.SendAsync(new GetApplicationOverview.Query(started.ApplicationId), TestUsers.Applicant(person.Id));
        Assert.Contains(overview.Checklist, r => r.Sentence == "Training: 0 of 46 hours.");
    }

    [Fact]
    public async Task A_blank_program_and_one_from_each_template_are_created_by_the_states_admin_or_a_system_admin()
    {
        await Fixture.InsertAsync(TestData.State("PA", "Pennsylvania", "CPS", TestData.NoRequirements()));
        var templates = await Fixture.SendAsync(new GetProgramTemplates.Query(), TestUsers.SystemAdmin());
        Assert.Equal(3, templates.Templates.Count);
        Assert.All(ProgramTemplates.StandardAttestations, code => Assert.Contains(templates.Attestations, c => c.Value == code));

        var blank = new RequirementsModel { RenewalCycleMonths = 12 };
        await Fixture.SendAsync(new CreateProgram.Command { StateCode = "PA", Code = "BLANK", Name = "Blank", Requirements = blank }, TestUsers.StateAdmin("PA"));
        foreach (var (template, index) in templates.Templates.Select((t, i) => (t, i)))
            await Fixture.SendAsync(new CreateProgram.Command { StateCode = "PA", Code = $"T{index}", Name = template.Name, Requirements = template.Requirements }, TestUsers.SystemAdmin());

        var codes = await Fixture.QueryAsync(db => db.Programs.Select(p => p.Code).OrderBy(c => c).ToListAsync());
        Assert.Equal(["BLANK", "CPS", "T0", "T1", "T2"], codes);
        var annual = await Fixture.QueryAsync(db => db.Programs.AsNoTracking().SingleAsync(p => p.Code == "T1"));
        Assert.Equal((12, 31), (annual.Requirements.RenewsOnMonth, annual.Requirements.RenewsOnDay));
    }

    [Fact]
    public async Task A_duplicate_code_another_states_admin_and_bad_input_are_refused_with_nothing_written()
    {
        await Fixture.InsertAsync(TestData.State("TN", "Tennessee", "CPRS", TestData.NoRequirements()), TestData.State("PA", "Pennsylvania", "CPS", TestData.NoRequirements()));
        var requirements = new RequirementsModel { RenewalCycleMonths = 24 };
        CreateProgram.Command Create(string code, string name = "A program") => new() { StateCode = "TN", Code = code, Name = name, Requirements = requirements };

        var duplicate = await Assert.ThrowsAsync<ConflictException>(() => Fixture.SendAsync(Create("cprs"), TestUsers.StateAdmin("TN")));
        Assert.Contains("already has a program with the code CPRS", duplicate.Message);
        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.SendAsync(Create("NEW"), TestUsers.StateAdmin("PA")));
        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.SendAsync(Create("NEW"), TestUsers.Reviewer("TN")));
        var invalid = await Assert.ThrowsAsync<ValidationException>(() => Fixture.SendAsync(Create("TOO-LONG-CODE!", " "), TestUsers.StateAdmin("TN")));
        Assert.Equal(["Code", "Name"], invalid.Errors.Select(e => e.PropertyName).Distinct().Order());
        await Assert.ThrowsAsync<ValidationException>(() => Fixture.SendAsync(Create("NEW") with { Requirements = requirements with { RenewalCycleMonths = 0 } }, TestUsers.StateAdmin("TN")));
        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.SendAsync(Create("NEW") with { Requirements = requirements with { RequiredAttestations = ["made-up"] } }, TestUsers.StateAdmin("TN")));
        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.SendAsync(Create("NEW") with { StateCode = "WY" }, TestUsers.SystemAdmin()));

        Assert.Equal(2, await Fixture.CountAsync<CredentialProgram>());
    }
}

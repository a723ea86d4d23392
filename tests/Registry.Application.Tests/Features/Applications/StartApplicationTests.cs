using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Features.Applications;
using Registry.Domain.Applications;
using Registry.Domain.Auditing;
using Registry.Testing;

namespace Registry.Application.Tests.Features.Applications;

public sealed class StartApplicationTests(SliceFixture fixture) : SliceTest(fixture)
{
    [Fact]
    public async Task Starting_an_application_creates_a_draft_with_its_history_and_an_audit_entry()
    {
        var scenario = await ApplicationScenario.ArrangeAsync(Fixture);
        var applicant = TestUsers.Applicant(scenario.Applicant.Id);

        var started = await Fixture.SendAsync(new StartApplication.Command { ProgramId = scenario.TennesseeProgram.Id }, applicant);

        var saved = await Fixture.QueryAsync(db => db.Applications.Include(a => a.History).SingleAsync(a => a.Id == started.ApplicationId));
        Assert.Equal(ApplicationStatus.Draft, saved.Status);
        Assert.Equal(scenario.Applicant.Id, saved.PersonId);
        var first = Assert.Single(saved.History);
        Assert.Equal(ApplicationStatus.Draft, first.To);

        var audit = await Fixture.QueryAsync(db => db.AuditEntries.Where(a => a.Action == "StartApplication").ToListAsync());
        var entry = Assert.Single(audit, a => a.EntityType == nameof(CertificationApplication));
        Assert.Equal(started.ApplicationId.ToString(), entry.EntityId);
        Assert.Null(entry.Before);
        Assert.Contains("\"Draft\"", entry.After);
        Assert.Equal("TN", entry.StateCode);
    }

    [Fact]
    public async Task A_second_open_application_for_the_same_program_is_refused()
    {
        var scenario = await ApplicationScenario.ArrangeAsync(Fixture);
        var applicant = TestUsers.Applicant(scenario.Applicant.Id);
        await Fixture.SendAsync(new StartApplication.Command { ProgramId = scenario.TennesseeProgram.Id }, applicant);

        await Assert.ThrowsAsync<ConflictException>(() =>
            Fixture.SendAsync(new StartApplication.Command { ProgramId = scenario.TennesseeProgram.Id }, applicant));

        Assert.Equal(1, await Fixture.CountAsync<CertificationApplication>());
    }

    [Fact]
    public async Task The_database_itself_refuses_two_open_applications_for_one_program()
    {
        var scenario = await ApplicationScenario.ArrangeAsync(Fixture);
        var at = Now;
        await Fixture.InsertAsync(CertificationApplication.Start(scenario.Applicant.Id, scenario.TennesseeProgram.Id, ApplicationType.Initial, Guid.NewGuid(), at));

        // As if two requests raced past the handler's check at the same moment.
        await Assert.ThrowsAsync<ConflictException>(() => Fixture.InsertAsync(
            CertificationApplication.Start(scenario.Applicant.Id, scenario.TennesseeProgram.Id, ApplicationType.Initial, Guid.NewGuid(), at)));
    }

    [Fact]
    public async Task A_closed_application_does_not_block_a_new_one()
    {
        var scenario = await ApplicationScenario.ArrangeAsync(Fixture);
        var applicant = TestUsers.Applicant(scenario.Applicant.Id);
        var first = await Fixture.SendAsync(new StartApplication.Command { ProgramId = scenario.TennesseeProgram.Id }, applicant);
        await Fixture.SendAsync(new WithdrawApplication.Command(first.ApplicationId, "Not ready yet."), applicant);

        var second = await Fixture.SendAsync(new StartApplication.Command { ProgramId = scenario.TennesseeProgram.Id }, applicant);

        Assert.NotEqual(first.ApplicationId, second.ApplicationId);
    }

    [Fact]
    public async Task A_missing_program_is_a_field_error_and_nothing_is_written()
    {
        var scenario = await ApplicationScenario.ArrangeAsync(Fixture);
        var auditBefore = await Fixture.CountAsync<AuditEntry>();

        var refused = await Assert.ThrowsAsync<ValidationException>(() =>
            Fixture.SendAsync(new StartApplication.Command { ProgramId = Guid.Empty, Type = (ApplicationType)42 }, TestUsers.Applicant(scenario.Applicant.Id)));

        Assert.Contains(refused.Errors, e => e.PropertyName == nameof(StartApplication.Command.ProgramId));
        Assert.Contains(refused.Errors, e => e.PropertyName == nameof(StartApplication.Command.Type));
        Assert.Equal(0, await Fixture.CountAsync<CertificationApplication>());
        Assert.Equal(auditBefore, await Fixture.CountAsync<AuditEntry>());
    }

    [Fact]
    public async Task An_unknown_program_is_not_found()
    {
        var scenario = await ApplicationScenario.ArrangeAsync(Fixture);

        await Assert.ThrowsAsync<NotFoundException>(() =>
            Fixture.SendAsync(new StartApplication.Command { ProgramId = Guid.NewGuid() }, TestUsers.Applicant(scenario.Applicant.Id)));
    }

    [Fact]
    public async Task Signing_in_is_required_and_staff_cannot_apply()
    {
        var scenario = await ApplicationScenario.ArrangeAsync(Fixture);
        var command = new StartApplication.Command { ProgramId = scenario.TennesseeProgram.Id };

        await Assert.ThrowsAsync<UnauthenticatedException>(() => Fixture.SendAsync(command, TestUsers.Anonymous));
        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.SendAsync(command, TestUsers.Reviewer("TN")));
        Assert.Equal(0, await Fixture.CountAsync<CertificationApplication>());
    }
}

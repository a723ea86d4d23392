using Registry.Application.Common.Exceptions;
using Registry.Application.Features.Applications;
using Registry.Application.Features.Audit;
using Registry.Application.Tests.Features.Applications;
using Registry.Testing;

namespace Registry.Application.Tests.Features.Audit;

public sealed class ListAuditEntriesTests(SliceFixture fixture) : SliceTest(fixture)
{
    private async Task<ApplicationScenario> TwoStatesWithActivityAsync()
    {
        var scenario = await ApplicationScenario.ArrangeAsync(Fixture);
        var tn = await Fixture.SendAsync(new StartApplication.Command { ProgramId = scenario.TennesseeProgram.Id }, TestUsers.Applicant(scenario.Applicant.Id));
        await Fixture.SendAsync(new SubmitApplication.Command(tn.ApplicationId), TestUsers.Applicant(scenario.Applicant.Id));
        await Fixture.SendAsync(new StartApplication.Command { ProgramId = scenario.PennsylvaniaProgram.Id }, TestUsers.Applicant(scenario.OtherApplicant.Id));
        return scenario;
    }

    [Fact]
    public async Task A_state_admin_reads_their_states_entries_newest_first_and_filters_them()
    {
        await TwoStatesWithActivityAsync();

        var all = await Fixture.SendAsync(new ListAuditEntries.Query { StateCode = "TN" }, TestUsers.StateAdmin("TN"));
        var actions = all.Entries.Select(e => e.Action).Where(a => a != "TestSetup").ToList();
        Assert.Equal(["SubmitApplication", "SubmitApplication", "StartApplication"], actions); // the application and the applicant's notification
        Assert.True(all.Entries.Zip(all.Entries.Skip(1)).All(p => p.First.At >= p.Second.At));
        Assert.Equal(["StartApplication", "SubmitApplication", "TestSetup"], all.Actions);

        var started = await Fixture.SendAsync(new ListAuditEntries.Query { StateCode = "TN", Action = "StartApplication" }, TestUsers.StateAdmin("TN"));
        Assert.Equal("CertificationApplication", Assert.Single(started.Entries).EntityType);
    }

    [Fact]
    public async Task Pages_hold_fifty_entries()
    {
        var scenario = await ApplicationScenario.ArrangeAsync(Fixture);
        for (var i = 0; i < 26; i++)
        {
            var started = await Fixture.SendAsync(new StartApplication.Command { ProgramId = scenario.TennesseeProgram.Id }, TestUsers.Applicant(scenario.Applicant.Id));
            await Fixture.SendAsync(new WithdrawApplication.Command(started.ApplicationId, null), TestUsers.Applicant(scenario.Applicant.Id));
        }

        var total = await Fixture.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.AuditEntries, a => a.StateCode == "TN"));

        var first = await Fixture.SendAsync(new ListAuditEntries.Query { StateCode = "TN" }, TestUsers.StateAdmin("TN"));
        var second = await Fixture.SendAsync(new ListAuditEntries.Query { StateCode = "TN", PageNumber = 2 }, TestUsers.StateAdmin("TN"));

        Assert.InRange(total, ListAuditEntries.PageSize + 1, 2 * ListAuditEntries.PageSize);
        Assert.Equal((ListAuditEntries.PageSize, true), (first.Entries.Count, first.HasMore));
        Assert.Equal((total - ListAuditEntries.PageSize, false), (second.Entries.Count, second.HasMore));
    }

    [Fact]
    public async Task Other_states_and_reviewers_are_refused()
    {
        await TwoStatesWithActivityAsync();

        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.SendAsync(new ListAuditEntries.Query { StateCode = "TN" }, TestUsers.StateAdmin("PA")));
        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.SendAsync(new ListAuditEntries.Query { StateCode = "TN" }, TestUsers.Reviewer("TN")));
        var pennsylvania = await Fixture.SendAsync(new ListAuditEntries.Query { StateCode = "PA", Action = "StartApplication" }, TestUsers.SystemAdmin());
        Assert.Single(pennsylvania.Entries);
    }
}

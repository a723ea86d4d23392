using FluentValidation;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Paging;
using Registry.Application.Features.Applications;
using Registry.Application.Features.Audit;
using Registry.Application.Tests.Features.Applications;
using Registry.Application.Tests.Features.Paging;
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
        var actions = all.Items.Select(e => e.Action).Where(a => a != "TestSetup").ToList();
        Assert.Equal(["SubmitApplication", "SubmitApplication", "StartApplication"], actions); // the application and the applicant's notification
        Assert.True(all.Items.Zip(all.Items.Skip(1)).All(p => p.First.At >= p.Second.At));
        Assert.Null(all.Next);
        Assert.Equal(["StartApplication", "SubmitApplication", "TestSetup"], await Fixture.SendAsync(new ListAuditActions.Query("TN"), TestUsers.StateAdmin("TN")));

        var started = await Fixture.SendAsync(new ListAuditEntries.Query { StateCode = "TN", Action = "StartApplication" }, TestUsers.StateAdmin("TN"));
        Assert.Equal("CertificationApplication", Assert.Single(started.Items).EntityType);
    }

    [Fact]
    public async Task Pages_hold_fifty_entries_unless_asked_for_fewer()
    {
        var scenario = await ApplicationScenario.ArrangeAsync(Fixture);
        for (var i = 0; i < 26; i++)
        {
            var started = await Fixture.SendAsync(new StartApplication.Command { ProgramId = scenario.TennesseeProgram.Id }, TestUsers.Applicant(scenario.Applicant.Id));
            await Fixture.SendAsync(new WithdrawApplication.Command(started.ApplicationId, null), TestUsers.Applicant(scenario.Applicant.Id));
        }

        var total = await Fixture.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.AuditEntries, a => a.StateCode == "TN"));

        var first = await Fixture.SendAsync(new ListAuditEntries.Query { StateCode = "TN" }, TestUsers.StateAdmin("TN"));
        var second = await Fixture.SendAsync(new ListAuditEntries.Query { StateCode = "TN", Cursor = first.Next }, TestUsers.StateAdmin("TN"));
        var small = await Fixture.SendAsync(new ListAuditEntries.Query { StateCode = "TN", Limit = 7 }, TestUsers.StateAdmin("TN"));

        Assert.InRange(total, Cursor.DefaultLimit + 1, 2 * Cursor.DefaultLimit);
        Assert.Equal((Cursor.DefaultLimit, true), (first.Items.Count, first.Next is not null));
        Assert.Equal((total - Cursor.DefaultLimit, false), (second.Items.Count, second.Next is not null));
        Assert.Equal(first.Items.Take(7), small.Items);
    }

    [Fact]
    public async Task Paging_through_the_log_while_it_grows_reads_every_entry_once()
    {
        var scenario = await ApplicationScenario.ArrangeAsync(Fixture);
        var applicant = TestUsers.Applicant(scenario.Applicant.Id);
        async Task StartAndWithdrawAsync()
        {
            var started = await Fixture.SendAsync(new StartApplication.Command { ProgramId = scenario.TennesseeProgram.Id }, applicant);
            await Fixture.SendAsync(new WithdrawApplication.Command(started.ApplicationId, null), applicant);
        }
        for (var i = 0; i < 3; i++) await StartAndWithdrawAsync();
        var before = await Fixture.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.AuditEntries.Where(a => a.StateCode == "TN").Select(a => a.Id)));
        var admin = TestUsers.StateAdmin("TN");

        // The frozen clock gives the first entries one instant, so the id orders them. Between pages, a new entry at that
        // instant comes before the cursor (an offset would then repeat a row), and one dated earlier comes after it.
        var read = await PageThrough.AllAsync(
            cursor => Fixture.SendAsync(new ListAuditEntries.Query { StateCode = "TN", Cursor = cursor, Limit = 2 }, admin),
            async pages =>
            {
                Fixture.Clock.Reset();
                await StartAndWithdrawAsync();
                if (pages > 2) return;
                Fixture.Clock.SetTo(TestClock.Start.AddDays(-pages));
                await StartAndWithdrawAsync();
            });

        Assert.InRange(before.Count, 5, 100);
        PageThrough.AssertEachOnce(before, read.Select(e => e.Id).ToList());
    }

    [Fact]
    public async Task A_limit_out_of_range_or_an_altered_cursor_is_refused_naming_it()
    {
        await TwoStatesWithActivityAsync();
        var admin = TestUsers.StateAdmin("TN");

        foreach (var limit in new[] { 0, -1, Cursor.MaximumLimit + 1 })
            Assert.Equal("limit", Assert.Single((await Assert.ThrowsAsync<ValidationException>(() =>
                Fixture.SendAsync(new ListAuditEntries.Query { StateCode = "TN", Limit = limit }, admin))).Errors).PropertyName);
        var altered = Assert.Single((await Assert.ThrowsAsync<ValidationException>(() =>
            Fixture.SendAsync(new ListAuditEntries.Query { StateCode = "TN", Cursor = "eyJBdCI6" }, admin))).Errors);
        Assert.Equal(("cursor", Cursor.InvalidMessage), (altered.PropertyName, altered.ErrorMessage));
    }

    [Fact]
    public async Task Other_states_and_reviewers_are_refused()
    {
        await TwoStatesWithActivityAsync();

        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.SendAsync(new ListAuditEntries.Query { StateCode = "TN" }, TestUsers.StateAdmin("PA")));
        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.SendAsync(new ListAuditEntries.Query { StateCode = "TN" }, TestUsers.Reviewer("TN")));
        var pennsylvania = await Fixture.SendAsync(new ListAuditEntries.Query { StateCode = "PA", Action = "StartApplication" }, TestUsers.SystemAdmin());
        Assert.Single(pennsylvania.Items);
        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.SendAsync(new ListAuditActions.Query("TN"), TestUsers.StateAdmin("PA")));
        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.SendAsync(new ListAuditActions.Query("TN"), TestUsers.Reviewer("TN")));
    }
}

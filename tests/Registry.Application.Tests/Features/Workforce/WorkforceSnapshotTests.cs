using Registry.Application.Common.Exceptions;
using Registry.Application.Features.Workforce;
using Registry.Domain.Workforce;
using Registry.Infrastructure.Exports.Workforce;
using Registry.Testing;
using static Registry.Application.Tests.Features.Workforce.ExportedWorkbook;

namespace Registry.Application.Tests.Features.Workforce;

public sealed class WorkforceSnapshotTests(SliceFixture fixture) : SliceTest(fixture)
{
    private static readonly DateOnly June2025 = new(2025, 6, 1);

    [Fact]
    public async Task The_monthly_snapshot_keeps_each_states_counts_and_workbook_once_however_often_it_runs()
    {
        await WorkforceHistory.SeedAsync(Fixture);

        // Two servers at once, then a retry: one snapshot per state.
        var together = await Task.WhenAll(
            Fixture.RunAsync<WorkforceSnapshotJob, int>(job => job.TakeAsync(June2025)),
            Fixture.RunAsync<WorkforceSnapshotJob, int>(job => job.TakeAsync(June2025)));
        var again = await Fixture.RunAsync<WorkforceSnapshotJob, int>(job => job.TakeAsync(June2025));

        Assert.Equal(2, together.Sum());
        Assert.Equal(0, again);
        Assert.Equal(2, await Fixture.CountAsync<WorkforceSnapshot>());

        var tnList = await Fixture.SendAsync(new ListWorkforceSnapshots.Query(), TestUsers.StateAdmin("TN"));
        var tn = Assert.Single(tnList);
        Assert.Equal(("TN", June2025, 6), (tn.StateCode, tn.Month, tn.ActiveAtMonthEnd));
        var file = await Fixture.SendAsync(new DownloadWorkforceSnapshot.Query(tn.Id), TestUsers.StateAdmin("TN"));
        using var workbook = Open(file.Content);
        Assert.Equal("6", Assert.Single(workbook.Rows("Summary", "Summary"))["Active"]);
        Assert.Equal("2025-06-01 to 2025-06-30", workbook.Workbook.Worksheet("Summary").Cell(2, 2).GetString());

        var all = await Fixture.SendAsync(new ListWorkforceSnapshots.Query(), TestUsers.NationalAnalyst());
        Assert.Equal(["PA", "TN"], all.Select(s => s.StateCode));
        var pa = all.Single(s => s.StateCode == "PA");
        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.SendAsync(new DownloadWorkforceSnapshot.Query(pa.Id), TestUsers.StateAdmin("TN")));
    }

    [Fact]
    public async Task The_dashboard_counts_active_peers_at_each_month_end_and_todays_status_mix()
    {
        await WorkforceHistory.SeedAsync(Fixture);

        var dashboard = await Fixture.SendAsync(new GetWorkforceDashboard.Query("TN"), TestUsers.StateAdmin("TN"));

        Assert.Equal(24, dashboard.ActiveByMonth.Count);
        Assert.Equal(TestClock.StartDay, dashboard.ActiveByMonth[^1].CountedOn);
        // Today, by the history rows (no expiry job has run here): Ada, Bea, Cal, Dev and Jo active, Fay on probation,
        // Gus and Kit suspended, Eli lapsed, Hal revoked, Ivy retired.
        Assert.Equal("Active=5 On probation=1 Suspended=2 Expired (in grace)=0 Lapsed=1 Revoked=1 Retired (relinquished)=1",
            string.Join(" ", dashboard.StatusMix.Select(s => $"{s.Status}={s.Count}")));
        Assert.Equal(6, dashboard.ActiveByMonth[^1].Active);
        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.SendAsync(new GetWorkforceDashboard.Query("PA"), TestUsers.StateAdmin("TN")));
    }
}

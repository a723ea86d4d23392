using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Features.OpenData;
using Registry.Application.Tests.Features.Workforce;
using Registry.Domain.Workforce;
using Registry.Infrastructure.Exports.Workforce;
using Registry.Testing;

namespace Registry.Application.Tests.Features.OpenData;

public sealed class OpenDataReleaseTests(SliceFixture fixture) : SliceTest(fixture)
{
    private static readonly DateOnly June2025 = OpenDataPeople.June2025;

    [Fact]
    public async Task The_monthly_job_publishes_the_months_open_data_once_however_often_it_runs()
    {
        await Fixture.InsertAsync(OpenDataPeople.Entities());

        await Task.WhenAll(
            Fixture.RunAsync<WorkforceSnapshotJob, int>(job => job.TakeAsync(June2025)),
            Fixture.RunAsync<WorkforceSnapshotJob, int>(job => job.TakeAsync(June2025)));
        var first = await Fixture.QueryAsync(db => db.OpenDataReleases.AsNoTracking().SingleAsync());
        var again = await Fixture.RunAsync<WorkforceSnapshotJob, bool>(job => job.PublishOpenDataAsync(June2025));

        Assert.False(again);
        var kept = await Fixture.QueryAsync(db => db.OpenDataReleases.AsNoTracking().SingleAsync());
        Assert.Equal((first.Id, first.Json, first.Csv, June2025), (kept.Id, kept.Json, kept.Csv, kept.Month));
    }

    [Fact]
    public async Task Active_peers_by_state_and_by_county_are_published_with_small_counties_and_their_complement_suppressed()
    {
        await Fixture.InsertAsync(OpenDataPeople.Entities());

        await Fixture.RunAsync<WorkforceSnapshotJob, bool>(job => job.PublishOpenDataAsync(June2025));

        var release = await Fixture.QueryAsync(db => db.OpenDataReleases.AsNoTracking().SingleAsync());
        var document = OpenDataDocument.FromJson(release.Json);
        Assert.Equal(("2025-06", TestClock.Start), (document.Month, document.GeneratedAt));
        Assert.Equal(["active-by-state-and-program", "active-by-county-and-program-pa", "active-by-county-and-program-tn",
            "workforce-answers-raceethnicity", "workforce-answers-gender", "workforce-answers-languages", "workforce-answers-veteran",
            "workforce-answers-education", "workforce-answers-employment", "workforce-answers-setting", "workforce-answers-hours"], document.Tables.Select(t => t.Id));
        // Nobody answered the workforce questions: every state's active peers are "Not answered", the zeros hidden.
        Assert.All(document.Tables.Skip(3), table => Assert.Equal("Pennsylvania 50 of 50, Tennessee 69 of 69, Total 119 of 119",
            string.Join(", ", table.Rows.Append(table.Totals).Select(r => $"{r.Label} {Figure(r.Cells[^1])} of {Figure(r.Total)}"))));
        Assert.All(document.Tables.Skip(3), table => Assert.Equal("Not answered", table.Columns[^1]));

        var byState = document.Tables[0];
        Assert.Equal(["CPRS", "CPS"], byState.Columns);
        Assert.Equal("Pennsylvania: - 50 = 50 | Tennessee: 69 - = 69 | Total: 69 50 = 119", Render(byState));
        Assert.Equal("Dauphin County: 30 = 30 | Erie County: 20 = 20 | Total: 50 = 50", Render(document.Tables[1]));
        // Shelby (4) is not named but counted with the other small counties; under 11, so hidden, and Knox, the
        // smallest other line, is hidden with it so it cannot be worked out from the total.
        Assert.Equal("Davidson County: 40 = 40 | Knox County: x = x | Counties with fewer than 11 each: x = x | Total: 69 = 69", Render(document.Tables[2]));

        Assert.Contains("active-by-county-and-program-tn,Counties with fewer than 11 each,CPRS,,true\r\n", release.Csv);
        Assert.DoesNotContain("Shelby", release.Json + release.Csv);
        Assert.Contains("active-by-county-and-program-tn,Davidson County,Total,40,false\r\n", release.Csv);
        Assert.DoesNotContain("Tennessee,CPS", release.Csv); // Tennessee offers no CPS program: no figure at all
        var counts = release.Csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(line => line.Split(',')[^2]).Where(c => c != "");
        Assert.All(counts, count => Assert.True(int.Parse(count, CultureInfo.InvariantCulture) >= SmallCellSuppression.Threshold));
    }

    [Fact]
    public async Task With_only_small_counts_no_figure_is_published_and_no_person_appears()
    {
        var history = await WorkforceHistory.SeedAsync(Fixture);

        await Fixture.RunAsync<WorkforceSnapshotJob, bool>(job => job.PublishOpenDataAsync(June2025));

        var release = await Fixture.QueryAsync(db => db.OpenDataReleases.AsNoTracking().SingleAsync());
        var document = OpenDataDocument.FromJson(release.Json);
        Assert.All(document.Tables.SelectMany(t => t.Rows.Append(t.Totals)).SelectMany(r => r.Cells.Append(r.Total)).OfType<OpenDataDocument.Figure>(),
            figure => Assert.Equal((null, true), (figure.Count, figure.Suppressed)));
        Assert.Contains(document.Tables[2].Rows, r => r.Label == "Lives outside the state");
        Assert.Contains(document.Tables[2].Rows, r => r.Label == "No address on record");
        Assert.All(history.Holders.Values, person => Assert.DoesNotContain(person.LegalFirstName, release.Json + release.Csv));
    }

    /// <summary>Each row as "label: cells = total", a hidden figure as x and a cell that is no figure as -.</summary>
    private static string Render(OpenDataDocument.Table table) =>
        string.Join(" | ", table.Rows.Append(table.Totals).Select(r => $"{r.Label}: {string.Join(" ", r.Cells.Select(Figure))} = {Figure(r.Total)}"));

    private static string Figure(OpenDataDocument.Figure? figure) =>
        figure is null ? "-" : figure.Suppressed ? "x" : figure.Count!.Value.ToString(CultureInfo.InvariantCulture);
}

using System.Text.Json;
using Registry.Bench.Generation;
using Registry.Bench.Running;

namespace Registry.Web.Tests.Bench;

/// <summary>The bench's table and JSON: goals read as met or missed, and the file written is the run's figures.</summary>
public sealed class BenchReportTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"bench-report-{Guid.NewGuid():N}");

    private static readonly BenchResult[] Results =
    [
        new("verification", "throughput", "1,000 credentials, 6 states", Figure.PerSecond(800, "req"), 0.36, Goal.AtLeast(0.7)),
        new("verification", "baseline throughput", "1,000 credentials, 6 states", Figure.PerSecond(2233, "req"), 1),
        new("workforce-exports", "export", "1,000 credentials, 6 states", Figure.Seconds(2.5), null, Goal.AtMostValue(3)),
        new("daily-jobs", "statements PostgreSQL ran", "1,000 credentials, 6 states", Figure.Count(71, "statements"), null, Goal.SameAsBaseline()),
    ];

    [Fact]
    public void A_goal_on_the_ratio_or_on_the_value_is_met_or_missed_and_without_a_ratio_cannot_be_judged()
    {
        Assert.Equal([false, null, true, null], Results.Select(r => r.MeetsGoal));
        Assert.True(Goal.SameAsBaseline().MetBy(Figure.Count(71, "statements"), 1));
        Assert.False(Goal.SameAsBaseline().MetBy(Figure.Count(71, "statements"), 71));
        Assert.True(Goal.AtMost(1.5).MetBy(Figure.Milliseconds(300), 1.5));

        var table = BenchRunner.Table(Results).Split('\n');
        Assert.Contains(table, line => line.Contains("throughput") && line.Contains("≥ ×0.7: misses") && line.Contains("×0.36"));
        Assert.Contains(table, line => line.Contains("export") && line.Contains("≤ 3 s: meets"));
        Assert.Contains(table, line => line.Contains("statements PostgreSQL ran") && line.Contains("= ×1: n/a"));
    }

    [Fact]
    public void The_report_is_written_with_a_timestamped_copy_and_latest_json_holding_the_machine_scale_and_every_row()
    {
        var started = new DateTimeOffset(2026, 11, 30, 16, 5, 9, TimeSpan.Zero);
        var machine = new BenchMachine(2, 8L << 30, "Linux", ".NET 10", "15.8", [1.5, 2, 3], [2.5, 2, 3]);
        var report = new BenchReport(started, started.AddMinutes(9), "abc1234", machine, new Scale(1000, 6, 42, new DateOnly(2026, 6, 15)), 0,
            Results.Select(BenchReport.RowOf).ToList());

        var path = report.WriteTo(_directory);

        Assert.Equal(Path.Combine(_directory, "20261130T160509Z.json"), path);
        Assert.Equal(File.ReadAllText(path), File.ReadAllText(Path.Combine(_directory, "latest.json")));
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var root = json.RootElement;
        Assert.Equal("abc1234", root.GetProperty("commit").GetString());
        Assert.Equal(2, root.GetProperty("machine").GetProperty("cores").GetInt32());
        Assert.Equal("15.8", root.GetProperty("machine").GetProperty("postgreSql").GetString());
        Assert.Equal(2.5, root.GetProperty("machine").GetProperty("loadAverageEnd")[0].GetDouble());
        Assert.Equal(1000, root.GetProperty("scale").GetProperty("credentials").GetInt32());
        var rows = root.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(Results.Length, rows.Count);
        Assert.Equal("verification", rows[0].GetProperty("benchmark").GetString());
        Assert.Equal(800, rows[0].GetProperty("value").GetDouble());
        Assert.Equal("req/s", rows[0].GetProperty("unit").GetString());
        Assert.True(rows[0].GetProperty("higherIsBetter").GetBoolean());
        Assert.Equal(0.36, rows[0].GetProperty("baselineRatio").GetDouble());
        Assert.Equal("≥ ×0.7", rows[0].GetProperty("goal").GetString());
        Assert.False(rows[0].GetProperty("meetsGoal").GetBoolean());
        Assert.Equal(JsonValueKind.Null, rows[1].GetProperty("goal").ValueKind);
        Assert.True(rows[2].GetProperty("meetsGoal").GetBoolean());
        Assert.Equal(JsonValueKind.Null, rows[3].GetProperty("meetsGoal").ValueKind);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }
}

using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Npgsql;
using Registry.Bench.Generation;

namespace Registry.Bench.Running;

/// <summary>Where a run happened: the machine, its load at the start and the end, and the PostgreSQL it measured.</summary>
public sealed record BenchMachine(int Cores, long MemoryBytes, string Os, string DotNet, string PostgreSql, double[] LoadAverageStart, double[]? LoadAverageEnd)
{
    public static async Task<BenchMachine> DescribeAsync(string connectionString, CancellationToken ct)
    {
        string postgres;
        try
        {
            await using var dataSource = NpgsqlDataSource.Create(connectionString);
            await using var command = dataSource.CreateCommand("SHOW server_version");
            postgres = (string)(await command.ExecuteScalarAsync(ct))!;
        }
        catch (NpgsqlException e)
        {
            postgres = $"unknown ({e.Message})";
        }
        return new BenchMachine(Environment.ProcessorCount, MemTotal(), RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription,
            postgres, LoadAverage(), null);
    }

    /// <summary>The 1, 5 and 15 minute load averages (Linux's /proc/loadavg; empty elsewhere).</summary>
    public static double[] LoadAverage() => File.Exists("/proc/loadavg")
        ? File.ReadAllText("/proc/loadavg").Split(' ').Take(3).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()
        : [];

    private static long MemTotal()
    {
        var line = File.Exists("/proc/meminfo") ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)) : null;
        return line is null ? GC.GetGCMemoryInfo().TotalAvailableMemoryBytes : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }
}

/// <summary>One run's figures as written to artifacts/bench/ (docs/benchmarks.md describes the fields).</summary>
public sealed record BenchReport(DateTimeOffset StartedAt, DateTimeOffset FinishedAt, string Commit, BenchMachine Machine, Scale Scale, int Failures, IReadOnlyList<BenchReport.Row> Rows)
{
    public sealed record Row(string Benchmark, string Operation, string Scale, double Value, string Unit, bool HigherIsBetter,
        double? BaselineRatio, string? Goal, bool? MeetsGoal);

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static Row RowOf(BenchResult r) => new(r.Benchmark, r.Operation, r.Scale, r.Figure.Value, r.Figure.Unit, r.Figure.HigherIsBetter,
        r.BaselineRatio, r.Goal?.Describe(r.Figure), r.MeetsGoal);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static BenchReport FromJson(string json) =>
        JsonSerializer.Deserialize<BenchReport>(json, Json) ?? throw new JsonException("An empty benchmark report.");

    /// <summary>Writes <c>&lt;UTC time&gt;.json</c> and <c>latest.json</c> under <paramref name="directory"/>, read back to prove they parse; returns the first path.</summary>
    public string WriteTo(string directory)
    {
        Directory.CreateDirectory(directory);
        var json = ToJson();
        if (FromJson(json).Rows.Count != Rows.Count) throw new InvalidOperationException("The benchmark report does not read back as written.");
        var path = Path.Combine(directory, $"{StartedAt.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}.json");
        File.WriteAllText(path, json);
        File.WriteAllText(Path.Combine(directory, "latest.json"), json);
        return path;
    }
}

using System.Globalization;
using System.Reflection;
using Registry.Bench.Generation;

namespace Registry.Bench.Running;

/// <summary>
/// Provisions a fresh database, seeds it, runs the benchmarks found under Benchmarks/, prints one table and
/// writes the figures with the machine they ran on as JSON (<see cref="BenchReport"/>).
/// </summary>
public static class BenchRunner
{
    public static IReadOnlyList<IBenchmark> Discover() =>
        typeof(IBenchmark).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IBenchmark).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
            .OrderBy(b => b.Order).ThenBy(b => b.Name, StringComparer.Ordinal)
            .ToList();

    public static async Task<int> RunAsync(Scale scale, string connectionString, IReadOnlySet<string> only, bool seed, string? outputDirectory, TextWriter output, CancellationToken ct)
    {
        var benchmarks = Discover().Where(b => only.Count == 0 || only.Contains(b.Name)).ToList();
        var unknown = only.Except(Discover().Select(b => b.Name)).ToList();
        if (unknown.Count > 0)
        {
            output.WriteLine($"Unknown benchmark(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", Discover().Select(b => b.Name))}.");
            return 2;
        }

        var startedAt = DateTimeOffset.UtcNow;
        var machine = await BenchMachine.DescribeAsync(connectionString, ct);
        output.WriteLine($"{machine.Cores} cores, {machine.MemoryBytes / (1L << 30)} GiB, {machine.Os}, {machine.DotNet}, PostgreSQL {machine.PostgreSql}, load average {string.Join(" ", machine.LoadAverageStart)}");
        GenerationResult? generation = null;
        if (seed)
        {
            output.WriteLine($"Provisioning a fresh database and seeding {scale}…");
            await BenchDatabase.RecreateAsync(connectionString, ct);
            generation = await new DataGenerator(scale, connectionString, output).GenerateAsync(ct);
        }

        await using var context = new BenchContext(connectionString, scale, generation, output);
        var failures = 0;
        foreach (var benchmark in benchmarks)
        {
            output.WriteLine($"\n== {benchmark.Name}");
            context.CurrentBenchmark = benchmark.Name;
            try
            {
                await benchmark.RunAsync(context, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failures++;
                output.WriteLine($"  FAILED: {e.GetType().Name}: {e.Message}");
            }
        }

        var report = new BenchReport(startedAt, DateTimeOffset.UtcNow, Environment.GetEnvironmentVariable("REGISTRY_BENCH_COMMIT") ?? "unknown",
            machine with { LoadAverageEnd = BenchMachine.LoadAverage() }, scale, failures, context.Results.Select(BenchReport.RowOf).ToList());
        output.WriteLine();
        output.Write(Table(context.Results));
        output.WriteLine($"Load average at the start {string.Join(" ", report.Machine.LoadAverageStart)}, at the end {string.Join(" ", report.Machine.LoadAverageEnd!)}; commit {report.Commit}.");
        if (outputDirectory is not null) output.WriteLine($"Figures written to {report.WriteTo(outputDirectory)} and latest.json beside it.");
        return failures == 0 ? 0 : 1;
    }

    /// <summary>"meets" or "misses" a row's goal ("n/a" when a goal on the ratio has no ratio), empty without a goal.</summary>
    public static string Verdict(BenchResult result) => result.MeetsGoal switch
    {
        true => "meets",
        false => "misses",
        null => result.Goal is null ? "" : "n/a",
    };

    public static string Table(IReadOnlyList<BenchResult> results)
    {
        string[] header = ["Benchmark", "Operation", "Scale", "Figure", "vs baseline", "Goal"];
        var rows = results.Select(r => new[]
        {
            r.Benchmark, r.Operation, r.Scale, r.Figure.ToString(),
            r.BaselineRatio is { } ratio ? string.Create(CultureInfo.InvariantCulture, $"×{ratio:N2}") : "",
            r.Goal is { } goal ? $"{goal.Describe(r.Figure)}: {Verdict(r)}" : "",
        }).ToList();
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        var writer = new StringWriter();
        void Line(string[] cells) => writer.WriteLine("| " + string.Join(" | ", cells.Select((c, i) => i == 3 ? c.PadLeft(widths[i]) : c.PadRight(widths[i]))) + " |");
        Line(header);
        writer.WriteLine("|" + string.Join("|", widths.Select((w, i) => new string('-', w + 1) + (i == 3 ? ":" : "-"))) + "|");
        foreach (var row in rows) Line(row);
        return writer.ToString();
    }
}

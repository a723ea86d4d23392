using System.Globalization;
using System.Reflection;
using Registry.Bench.Generation;

namespace Registry.Bench.Running;

/// <summary>Provisions a fresh database, seeds it, runs the benchmarks found under Benchmarks/ and prints one table.</summary>
public static class BenchRunner
{
    public static IReadOnlyList<IBenchmark> Discover() =>
        typeof(IBenchmark).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IBenchmark).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
            .OrderBy(b => b.Order).ThenBy(b => b.Name, StringComparer.Ordinal)
            .ToList();

    public static async Task<int> RunAsync(Scale scale, string connectionString, IReadOnlySet<string> only, bool seed, TextWriter output, CancellationToken ct)
    {
        var benchmarks = Discover().Where(b => only.Count == 0 || only.Contains(b.Name)).ToList();
        var unknown = only.Except(Discover().Select(b => b.Name)).ToList();
        if (unknown.Count > 0)
        {
            output.WriteLine($"Unknown benchmark(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", Discover().Select(b => b.Name))}.");
            return 2;
        }

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

        output.WriteLine();
        output.Write(Table(context.Results));
        return failures == 0 ? 0 : 1;
    }

    public static string Table(IReadOnlyList<BenchResult> results)
    {
        string[] header = ["Operation", "Scale", "Figure", "vs baseline"];
        var rows = results.Select(r => new[]
        {
            r.Operation, r.Scale, r.Figure.ToString(),
            r.BaselineRatio is { } ratio ? string.Create(CultureInfo.InvariantCulture, $"×{ratio:N2}") : "",
        }).ToList();
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        var writer = new StringWriter();
        void Line(string[] cells) => writer.WriteLine("| " + string.Join(" | ", cells.Select((c, i) => i == 2 ? c.PadLeft(widths[i]) : c.PadRight(widths[i]))) + " |");
        Line(header);
        writer.WriteLine("|" + string.Join("|", widths.Select((w, i) => new string('-', w + 1) + (i == 2 ? ":" : "-"))) + "|");
        foreach (var row in rows) Line(row);
        return writer.ToString();
    }
}

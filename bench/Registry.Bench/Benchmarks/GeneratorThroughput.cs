using Registry.Bench.Running;

namespace Registry.Bench.Benchmarks;

/// <summary>The data generator's own speed, from the seeding the runner just did (binary COPY into the migrated schema).</summary>
public sealed class GeneratorThroughput : IBenchmark
{
    public string Name => "generator";
    public int Order => 0;

    public Task RunAsync(BenchContext context, CancellationToken ct)
    {
        if (context.Generation is not { } generation)
        {
            context.Log.WriteLine("  skipped: the database was not seeded in this run (--no-seed)");
            return Task.CompletedTask;
        }
        var seconds = generation.BulkInsert.TotalSeconds;
        var scale = generation.Scale.ToString();
        context.Report("Generate: rows written (binary COPY)", scale, Figure.PerSecond(generation.Rows / seconds, "rows"));
        context.Report("Generate: credentials with histories", scale, Figure.PerSecond(generation.Scale.Credentials / seconds, "credentials"));
        context.Report("Generate: total time", scale, Figure.Seconds(seconds));
        context.Report("Migrate an empty database", scale, Figure.Seconds(generation.Migration.TotalSeconds));
        return Task.CompletedTask;
    }
}

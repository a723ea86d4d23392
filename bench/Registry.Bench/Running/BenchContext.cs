using System.Diagnostics;
using Registry.Bench.Generation;

namespace Registry.Bench.Running;

/// <summary>A figure with its unit; <see cref="HigherIsBetter"/> says which way is good.</summary>
public readonly record struct Figure(double Value, string Unit, bool HigherIsBetter)
{
    public static Figure PerSecond(double value, string what) => new(value, $"{what}/s", true);
    public static Figure Milliseconds(double value) => new(value, "ms", false);
    public static Figure Seconds(double value) => new(value, "s", false);
    public static Figure Count(double value, string what) => new(value, what, false);

    public override string ToString() => Value switch
    {
        >= 1000 => $"{Value:N0} {Unit}",
        >= 10 => $"{Value:N1} {Unit}",
        _ => $"{Value:N2} {Unit}",
    };
}

public sealed record BenchResult(string Benchmark, string Operation, string Scale, Figure Figure, double? BaselineRatio);

/// <summary>What a benchmark may use: the seeded database, its scale and generator, the real web host, and the report sink.</summary>
public sealed class BenchContext(string connectionString, Scale scale, GenerationResult? generation, TextWriter log) : IAsyncDisposable
{
    private readonly List<BenchResult> _results = [];
    private BenchHost? _host;

    public string ConnectionString { get; } = connectionString;
    public Scale Scale { get; } = scale;

    /// <summary>The seeding the runner did before the benchmarks (null when it was skipped with --no-seed).</summary>
    public GenerationResult? Generation { get; } = generation;

    public TextWriter Log { get; } = log;
    public IReadOnlyList<BenchResult> Results => _results;
    internal string CurrentBenchmark { get; set; } = "";

    /// <summary>The registry's real web host on Kestrel at 127.0.0.1, over the seeded database; started once and shared.</summary>
    public async Task<BenchHost> WebHostAsync()
    {
        _host ??= await BenchHost.StartAsync(ConnectionString);
        return _host;
    }

    /// <summary>Records one row of the table. <paramref name="baselineRatio"/> is figure ÷ baseline measured in this run.</summary>
    public void Report(string operation, string scale, Figure figure, double? baselineRatio = null)
    {
        _results.Add(new BenchResult(CurrentBenchmark, operation, scale, figure, baselineRatio));
        Log.WriteLine($"  {operation} [{scale}]: {figure}{(baselineRatio is { } r ? $" (×{r:N2} baseline)" : "")}");
    }

    /// <summary>Runs <paramref name="action"/> after warm-ups and returns its timings.</summary>
    public static async Task<Timings> MeasureAsync(Func<Task> action, int iterations, int warmups = 3)
    {
        for (var i = 0; i < warmups; i++) await action();
        var samples = new double[iterations];
        var clock = new Stopwatch();
        for (var i = 0; i < iterations; i++)
        {
            clock.Restart();
            await action();
            samples[i] = clock.Elapsed.TotalMilliseconds;
        }
        Array.Sort(samples);
        return new Timings(samples);
    }

    /// <summary>The median milliseconds of an HTTP call; a response that is not a success fails the benchmark.</summary>
    public async Task<double> MedianAsync(Func<Task<HttpResponseMessage>> request, int iterations) =>
        (await MeasureAsync(async () =>
        {
            using var response = await request();
            if (!response.IsSuccessStatusCode)
                throw new InvalidOperationException($"{response.RequestMessage?.RequestUri?.PathAndQuery} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            await response.Content.LoadIntoBufferAsync();
        }, iterations)).Median;

    public async ValueTask DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
    }
}

/// <summary>Sorted samples in milliseconds.</summary>
public sealed record Timings(double[] Samples)
{
    public double Median => Percentile(0.5);
    public double P95 => Percentile(0.95);
    public double Percentile(double p) => Samples[Math.Min(Samples.Length - 1, (int)Math.Floor(p * Samples.Length))];
}

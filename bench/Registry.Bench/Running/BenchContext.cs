using Npgsql;
using System.Diagnostics;
using System.Globalization;
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
        _ when Value == Math.Floor(Value) && !Unit.Contains('/') && Unit is not ("s" or "ms") => $"{Value:N0} {Unit}",
        >= 10 => $"{Value:N1} {Unit}",
        _ => $"{Value:N2} {Unit}",
    };
}

public enum GoalBound { AtMost, AtLeast, Exactly }

/// <summary>What a row should reach, from issue #20: a bound on the figure itself or on its ratio to the baseline.</summary>
public sealed record Goal(bool OnRatio, GoalBound Bound, double Target)
{
    /// <summary>The figure (in its unit) is no more than <paramref name="value"/>.</summary>
    public static Goal AtMostValue(double value) => new(false, GoalBound.AtMost, value);

    /// <summary>The figure (in its unit) is at least <paramref name="value"/>.</summary>
    public static Goal AtLeastValue(double value) => new(false, GoalBound.AtLeast, value);

    /// <summary>The figure ÷ baseline is at least <paramref name="ratio"/>.</summary>
    public static Goal AtLeast(double ratio) => new(true, GoalBound.AtLeast, ratio);

    /// <summary>The figure ÷ baseline is no more than <paramref name="ratio"/>.</summary>
    public static Goal AtMost(double ratio) => new(true, GoalBound.AtMost, ratio);

    /// <summary>The figure equals its baseline (a count checked against another count of the same thing).</summary>
    public static Goal SameAsBaseline() => new(true, GoalBound.Exactly, 1);

    /// <summary>Null when the row has no ratio for a goal on the ratio.</summary>
    public bool? MetBy(Figure figure, double? baselineRatio) => (OnRatio ? baselineRatio : figure.Value) is not { } value ? null : Bound switch
    {
        GoalBound.AtMost => value <= Target,
        GoalBound.AtLeast => value >= Target,
        _ => Math.Abs(value - Target) < 1e-9,
    };

    public string Describe(Figure figure) => string.Create(CultureInfo.InvariantCulture,
        $"{Bound switch { GoalBound.AtMost => "≤", GoalBound.AtLeast => "≥", _ => "=" }} {(OnRatio ? $"×{Target:0.##}" : $"{Target:0.##} {figure.Unit}")}");
}

public sealed record BenchResult(string Benchmark, string Operation, string Scale, Figure Figure, double? BaselineRatio, Goal? Goal = null)
{
    public bool? MeetsGoal => Goal?.MetBy(Figure, BaselineRatio);
}

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

    /// <summary>
    /// Records one row of the table. <paramref name="baselineRatio"/> is figure ÷ baseline measured in this run;
    /// <paramref name="goal"/> is the issue's goal for the row, shown as met or missed.
    /// </summary>
    public void Report(string operation, string scale, Figure figure, double? baselineRatio = null, Goal? goal = null)
    {
        var result = new BenchResult(CurrentBenchmark, operation, scale, figure, baselineRatio, goal);
        _results.Add(result);
        Log.WriteLine($"  {operation} [{scale}]: {figure}{(baselineRatio is { } r ? $" (×{r:N2} baseline)" : "")}" +
            (goal is null ? "" : $" goal {goal.Describe(figure)}: {BenchRunner.Verdict(result)}"));
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

    /// <summary>Every k-th credential number of the seeded data, so a sample spreads over states and programs.</summary>
    public async Task<List<string>> SampleNumbersAsync(int count, CancellationToken ct)
    {
        await using var dataSource = NpgsqlDataSource.Create(ConnectionString);
        await using var command = dataSource.CreateCommand("""
            SELECT "Number" FROM (SELECT "Number", row_number() OVER (ORDER BY "Id") AS n, count(*) OVER () AS total FROM "Credentials") c
            WHERE n % GREATEST(1, total / $1) = 0 ORDER BY n LIMIT $1
            """);
        command.Parameters.Add(new() { Value = (long)count });
        var numbers = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) numbers.Add(reader.GetString(0));
        return numbers;
    }

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

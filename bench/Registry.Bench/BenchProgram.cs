using Registry.Bench.Generation;
using Registry.Bench.Running;

namespace Registry.Bench;

/// <summary>
/// <c>seed</c> fills a database with generated data; <c>run</c> provisions a fresh one, seeds it and runs
/// every benchmark (or those named with --only), printing one table.
/// </summary>
public static class BenchProgram
{
    public const string DefaultConnection = "Host=127.0.0.1;Port=5432;Database=registry_bench;Username=registry;Password=registry_test";

    private const string Usage = """
        Usage:
          seed [--credentials N] [--states N] [--seed N] [--today yyyy-MM-dd] [--connection CS] [--recreate]
          run  [--credentials N] [--states N] [--seed N] [--today yyyy-MM-dd] [--connection CS] [--only NAME]... [--no-seed] [--output DIR]
          list
          import-memory FILE   (reads a spreadsheet as the imports do; prints the peak memory growth)
        Defaults: 100000 credentials, 50 states, seed 42, today = the current UTC date,
        connection = $REGISTRY_BENCH_POSTGRES or Host=127.0.0.1;Database=registry_bench;Username=registry.
        'seed' expects an empty database unless --recreate is given; 'run' always drops and recreates it (unless --no-seed).
        'run --output DIR' also writes the figures as JSON: DIR/<UTC time>.json and DIR/latest.json.
        """;

    public static async Task<int> Main(string[] args)
    {
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
        try
        {
            if (args.Length == 0 || args[0] is "-h" or "--help") { Console.WriteLine(Usage); return args.Length == 0 ? 2 : 0; }
            if (args is ["import-memory", var file]) return ImportMemory.Run(file, Console.Out);
            var options = Options.Parse(args.Skip(1).ToArray());
            switch (args[0])
            {
                case "seed":
                    if (options.Recreate) await BenchDatabase.RecreateAsync(options.Connection, cancel.Token);
                    var result = await new DataGenerator(options.Scale, options.Connection, Console.Out).GenerateAsync(cancel.Token);
                    Console.WriteLine($"{result.Rows:N0} rows ({options.Scale}) in {result.BulkInsert.TotalSeconds:F1} s after {result.Migration.TotalSeconds:F1} s of migration: {result.Rows / result.BulkInsert.TotalSeconds:N0} rows/s");
                    return 0;
                case "run":
                    return await BenchRunner.RunAsync(options.Scale, options.Connection, options.Only, !options.NoSeed, options.Output, Console.Out, cancel.Token);
                case "list":
                    foreach (var benchmark in BenchRunner.Discover()) Console.WriteLine(benchmark.Name);
                    return 0;
                default:
                    Console.Error.WriteLine(Usage);
                    return 2;
            }
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(Usage);
            return 2;
        }
    }

    private sealed record Options(Scale Scale, string Connection, HashSet<string> Only, bool NoSeed, bool Recreate, string? Output)
    {
        public static Options Parse(string[] args)
        {
            var credentials = 100_000;
            var states = 50;
            var seed = 42;
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var connection = Environment.GetEnvironmentVariable("REGISTRY_BENCH_POSTGRES") ?? DefaultConnection;
            var only = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            bool noSeed = false, recreate = false;
            string? output = null;
            for (var i = 0; i < args.Length; i++)
            {
                string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
                switch (args[i])
                {
                    case "--credentials": credentials = int.Parse(Value().Replace("_", "").Replace(",", "")); break;
                    case "--states": states = int.Parse(Value()); break;
                    case "--seed": seed = int.Parse(Value()); break;
                    case "--today": today = DateOnly.ParseExact(Value(), "yyyy-MM-dd"); break;
                    case "--connection": connection = Value(); break;
                    case "--only": foreach (var name in Value().Split(',', StringSplitOptions.RemoveEmptyEntries)) only.Add(name.Trim()); break;
                    case "--no-seed": noSeed = true; break;
                    case "--recreate": recreate = true; break;
                    case "--output": output = Value(); break;
                    default: throw new ArgumentException($"Unknown option {args[i]}.");
                }
            }
            var scale = new Scale(credentials, states, seed, today);
            scale.Validate();
            return new Options(scale, connection, only, noSeed, recreate, output);
        }
    }
}

namespace Registry.Bench.Running;

/// <summary>
/// One benchmark: a class with a public parameterless constructor under Benchmarks/, found by reflection.
/// It measures against the database the runner seeded and reports its figures through the context.
/// </summary>
public interface IBenchmark
{
    /// <summary>Short, unique, used by <c>--only</c>.</summary>
    string Name { get; }

    /// <summary>Lower runs first; the generator's own timing is 0.</summary>
    int Order => 100;

    Task RunAsync(BenchContext context, CancellationToken ct);
}

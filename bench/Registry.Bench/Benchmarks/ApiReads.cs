using System.Net.Http.Json;
using Npgsql;
using Registry.Bench.Generation;
using Registry.Bench.Running;

namespace Registry.Bench.Benchmarks;

/// <summary>
/// Reads through the real host over a socket, each timed as the median of sequential requests: the
/// health check is the baseline (routing, middleware and one trivial query), so the ratio shows what
/// the endpoint's own work costs at this scale.
/// </summary>
public sealed class ApiReads : IBenchmark
{
    private const int Iterations = 50;

    public string Name => "api-reads";

    public async Task RunAsync(BenchContext context, CancellationToken ct)
    {
        var host = await context.WebHostAsync();
        var scale = context.Scale.ToString();
        var largest = UsStates.ByPopulation[0];
        var token = await host.TokenAsync($"reviewer.{largest.Code.ToLowerInvariant()}@registry.example");
        using var anonymous = host.Client();
        using var reviewer = host.Client(token);
        var underReview = await OneApplicationAsync(context.ConnectionString, largest.Code, ct);

        var baseline = await context.MedianAsync(() => anonymous.GetAsync("/health", ct), Iterations);
        context.Report("GET /health (baseline)", scale, Figure.Milliseconds(baseline), 1);

        async Task Measure(string operation, HttpClient client, string url)
        {
            var median = await context.MedianAsync(() => client.GetAsync(url, ct), Iterations);
            context.Report(operation, scale, Figure.Milliseconds(median), median / baseline);
        }

        await Measure("GET /api/v1/jurisdictions", anonymous, "/api/v1/jurisdictions");
        await Measure($"GET /api/v1/review/{largest.Code}/queue (largest state)", reviewer, $"/api/v1/review/{largest.Code}/queue");
        await Measure("GET /api/v1/review/applications/{id}", reviewer, $"/api/v1/review/applications/{underReview}");
    }

    private static async Task<Guid> OneApplicationAsync(string connectionString, string state, CancellationToken ct)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand("""
            SELECT a."Id" FROM "Applications" a JOIN "Programs" p ON p."Id" = a."ProgramId"
            WHERE p."StateCode" = $1 AND a."Status" = 'UnderReview' ORDER BY a."Id" LIMIT 1
            """);
        command.Parameters.Add(new() { Value = state });
        return (Guid)(await command.ExecuteScalarAsync(ct))!;
    }
}

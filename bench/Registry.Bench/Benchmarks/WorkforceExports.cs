using System.Diagnostics;
using ClosedXML.Excel;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Registry.Application.Features.OpenData;
using Registry.Bench.Generation;
using Registry.Bench.Running;

namespace Registry.Bench.Benchmarks;

/// <summary>
/// The workforce workbook for every state over the last full year, fetched through the real host over a socket: the
/// time of the whole request, and the process's peak resident memory while it ran (Linux: the high-water mark is
/// reset through /proc/self/clear_refs before each request, so the generator's own memory is not counted), and the
/// size of the workforce ledger it reads. Goal from issue 20: under 3 s at 1,000,000 credentials, growing less than
/// linearly with credentials. Then the month's open data (issue 23: under the same goal), built in the host's services.
/// </summary>
public sealed class WorkforceExports : IBenchmark
{
    public string Name => "workforce-exports";

    public int Order => 50;

    public async Task RunAsync(BenchContext context, CancellationToken ct)
    {
        var host = await context.WebHostAsync();
        var scale = context.Scale.ToString();
        using var admin = host.Client(await host.TokenAsync("admin@registry.example"));
        var largest = UsStates.ByPopulation[0];
        var thisMonth = new DateOnly(context.Scale.Today.Year, context.Scale.Today.Month, 1);
        var from = thisMonth.AddYears(-1);
        var to = thisMonth.AddDays(-1);

        // One warm-up at a small size (JIT, connection pool), then the measured requests.
        await FetchAsync(admin, $"/api/v1/exports/workforce?from={to:yyyy-MM-dd}&to={to:yyyy-MM-dd}&states={largest.Code}", ct);

        var export = await ResidentMemory.MeasureAsync(() => FetchAsync(admin, $"/api/v1/exports/workforce?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}", ct));
        using (var workbook = new XLWorkbook(new MemoryStream(export.Result)))
        {
            var states = workbook.Worksheets.Count - 2;
            context.Report($"GET /api/v1/exports/workforce, all {states} states, {from:yyyy-MM-dd} to {to:yyyy-MM-dd}", scale, Figure.Seconds(export.Seconds), goal: Goal.AtMostValue(3));
        }
        context.Report("  peak resident memory of the process during the export", scale, Figure.Count(export.PeakMegabytes, "MB"));
        context.Report("  resident memory just before the export", scale, Figure.Count(export.BeforeMegabytes, "MB"));
        context.Report("  workbook size", scale, Figure.Count(export.Result.Length / 1024.0, "KB"));
        context.Report("  workforce ledger rows", scale, Figure.Count(await LedgerRowsAsync(context.ConnectionString, ct), "rows"));

        // The monthly open data for the last full month, built as the snapshot job builds it (not saved: a rerun measures the same).
        var lastMonth = thisMonth.AddMonths(-1);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var openData = scope.ServiceProvider.GetRequiredService<OpenDataReleases>();
            var clock = Stopwatch.StartNew();
            var release = await openData.BuildAsync(lastMonth, ct);
            context.Report($"open data of {lastMonth:yyyy-MM}, built as the monthly job builds it", scale, Figure.Seconds(clock.Elapsed.TotalSeconds), goal: Goal.AtMostValue(3));
            context.Report("  open data CSV size", scale, Figure.Count(release.Csv.Length / 1024.0, "KB"));
        }
    }

    private static async Task<byte[]> FetchAsync(HttpClient client, string url, CancellationToken ct)
    {
        using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, ct);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
        return await response.Content.ReadAsByteArrayAsync(ct);
    }

    private static async Task<long> LedgerRowsAsync(string connectionString, CancellationToken ct)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand("""SELECT COUNT(*) FROM "WorkforceLedger" """);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }
}

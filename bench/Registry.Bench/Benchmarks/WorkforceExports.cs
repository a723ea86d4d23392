using System.Diagnostics;
using ClosedXML.Excel;
using Npgsql;
using Registry.Bench.Generation;
using Registry.Bench.Running;

namespace Registry.Bench.Benchmarks;

/// <summary>
/// The workforce workbook for every state over the last full year, and the largest state's roster, each fetched
/// through the real host over a socket: the time of the whole request, and the process's peak resident memory
/// while it ran (Linux: the high-water mark is reset through /proc/self/clear_refs before each request, so the
/// generator's own memory is not counted). Goals from issue 7: the export under 10 s and 500 MB at
/// 1,000,000 credentials; the roster's memory flat however many rows.
/// </summary>
public sealed class WorkforceExports : IBenchmark
{
    public string Name => "workforce-exports";

    public int Order => 50;

    public async Task RunAsync(BenchContext context, CancellationToken ct)
    {
        await RecordResidencesAsync(context.ConnectionString, ct);
        var host = await context.WebHostAsync();
        var scale = context.Scale.ToString();
        using var admin = host.Client(await host.TokenAsync("admin@registry.example"));
        var largest = UsStates.ByPopulation[0];
        using var staff = host.Client(await host.TokenAsync($"admin.{largest.Code.ToLowerInvariant()}@registry.example"));
        var thisMonth = new DateOnly(context.Scale.Today.Year, context.Scale.Today.Month, 1);
        var from = thisMonth.AddYears(-1);
        var to = thisMonth.AddDays(-1);

        // One warm-up at a small size (JIT, connection pool), then the measured requests.
        await FetchAsync(admin, $"/api/v1/exports/workforce?from={to:yyyy-MM-dd}&to={to:yyyy-MM-dd}&states={largest.Code}", ct);

        var export = await MeasureAsync(() => FetchAsync(admin, $"/api/v1/exports/workforce?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}", ct));
        using (var workbook = new XLWorkbook(new MemoryStream(export.Body)))
        {
            var states = workbook.Worksheets.Count - 2;
            context.Report($"GET /api/v1/exports/workforce, all {states} states, {from:yyyy-MM-dd} to {to:yyyy-MM-dd}", scale, Figure.Seconds(export.Seconds));
        }
        context.Report("  peak resident memory of the process during the export", scale, Figure.Count(export.PeakMegabytes, "MB"));
        context.Report("  resident memory just before the export", scale, Figure.Count(export.BeforeMegabytes, "MB"));
        context.Report("  workbook size", scale, Figure.Count(export.Body.Length / 1024.0, "KB"));

        // The smallest seeded state first: if memory is flat, its peak is about the largest state's.
        var smallest = UsStates.ByPopulation[context.Scale.States - 1];
        using var smallStaff = host.Client(await host.TokenAsync($"admin.{smallest.Code.ToLowerInvariant()}@registry.example"));
        var small = await MeasureAsync(() => FetchAsync(smallStaff, $"/api/v1/exports/roster/{smallest.Code}", ct));
        var smallRows = await CountRowsAsync(context.ConnectionString, smallest.Code, ct);
        context.Report($"GET /api/v1/exports/roster/{smallest.Code} ({smallRows:N0} rows)", scale, Figure.Seconds(small.Seconds));
        context.Report("  peak resident memory of the process during the roster", scale, Figure.Count(small.PeakMegabytes, "MB"));
        context.Report("  resident memory just before the roster", scale, Figure.Count(small.BeforeMegabytes, "MB"));

        var roster = await MeasureAsync(() => FetchAsync(staff, $"/api/v1/exports/roster/{largest.Code}", ct));
        var rows = await CountRowsAsync(context.ConnectionString, largest.Code, ct);
        context.Report($"GET /api/v1/exports/roster/{largest.Code} ({rows:N0} rows)", scale, Figure.Seconds(roster.Seconds));
        context.Report("  peak resident memory of the process during the roster", scale, Figure.Count(roster.PeakMegabytes, "MB"));
        context.Report("  resident memory just before the roster", scale, Figure.Count(roster.BeforeMegabytes, "MB"));
        context.Report("  roster size", scale, Figure.Count(roster.Body.Length / 1024.0 / 1024.0, "MB"));
    }

    private static async Task<byte[]> FetchAsync(HttpClient client, string url, CancellationToken ct)
    {
        using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, ct);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
        return await response.Content.ReadAsByteArrayAsync(ct);
    }

    private static async Task<(double Seconds, double PeakMegabytes, double BeforeMegabytes, byte[] Body)> MeasureAsync(Func<Task<byte[]>> request)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        ResidentMemory.ResetPeak();
        var before = ResidentMemory.Status("VmRSS:") ?? 0;
        var clock = Stopwatch.StartNew();
        var body = await request();
        var seconds = clock.Elapsed.TotalSeconds;
        var peak = ResidentMemory.Status("VmHWM:") ?? Process.GetCurrentProcess().PeakWorkingSet64;
        return (seconds, peak / 1024.0 / 1024.0, before / 1024.0 / 1024.0, body);
    }

    /// <summary>
    /// The generator writes addresses but not the residence history that county counts read (issue 7 added it after
    /// the generator); record each address from the start of records, as the migration does for existing people.
    /// The row takes its person's id (one row each): ordered ids append to the key's index instead of scattering.
    /// </summary>
    private static async Task RecordResidencesAsync(string connectionString, CancellationToken ct)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand("""
            INSERT INTO "ResidenceHistory" ("Id", "PersonId", "Sequence", "StateCode", "County", "EffectiveOn")
            SELECT p."Id", p."Id", 1, p."MailingAddress_State", p."MailingAddress_County", DATE '0001-01-01'
            FROM "People" p
            WHERE p."MailingAddress_County" IS NOT NULL
            -- Not NOT EXISTS: on the empty table the planner picks a nested loop that rescans every row this insert adds (quadratic).
            ON CONFLICT ("PersonId", "Sequence") DO NOTHING;
            UPDATE "People" SET "ResidenceChangeCount" = 1 WHERE "MailingAddress_County" IS NOT NULL AND "ResidenceChangeCount" = 0;
            ANALYZE "ResidenceHistory";
            """);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<long> CountRowsAsync(string connectionString, string state, CancellationToken ct)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand("""SELECT COUNT(*) FROM "Credentials" WHERE "StateCode" = $1""");
        command.Parameters.Add(new() { Value = state });
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }
}

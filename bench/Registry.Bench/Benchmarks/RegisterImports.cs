using System.Diagnostics;
using System.Security.Claims;
using System.Text;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Application.Features.RegisterImports;
using Registry.Bench.Generation;
using Registry.Bench.Running;
using Registry.Domain.Credentials;
using Registry.Domain.Jurisdictions;
using Registry.Infrastructure.Identity;
using Registry.Infrastructure.Jobs;

namespace Registry.Bench.Benchmarks;

/// <summary>
/// A state's earlier register of $REGISTRY_BENCH_IMPORT_ROWS rows (default 100,000; new people, numbers from
/// 800,001 up so none meets a generated one) brought into the smallest seeded state: the dry run (submit, then the
/// job) and the import (request, then the job), each through the real use cases and job in the real host. For each:
/// the time, rows a second, and the process's peak resident memory growth (the high-water mark reset through
/// /proc/self/clear_refs first, as <see cref="WorkforceExports"/> measures). Afterwards the database is counted:
/// a report line per row after the dry run, an Imported history entry per row after the import, or the run fails.
/// </summary>
public sealed class RegisterImports : IBenchmark
{
    public const int FirstNumber = 800_001;

    public string Name => "register-import";

    public int Order => 60;

    public async Task RunAsync(BenchContext context, CancellationToken ct)
    {
        var rows = int.TryParse(Environment.GetEnvironmentVariable("REGISTRY_BENCH_IMPORT_ROWS"), out var n) ? n : 100_000;
        if (rows is < 1 or > 999_999 - FirstNumber) throw new ArgumentException($"REGISTRY_BENCH_IMPORT_ROWS must be 1 to {999_999 - FirstNumber:N0}.");
        var host = await context.WebHostAsync();
        var state = UsStates.ByPopulation[context.Scale.States - 1].Code;
        var admin = new ClaimsPrincipal(new ClaimsIdentity(
            [new(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()), new(ClaimTypes.Name, "bench-register-import"), new(ClaimTypes.Role, Roles.StateAdmin), new(RegistryClaims.State, state)],
            authenticationType: "Bench"));
        string program;
        using (var scope = host.Services.CreateScope())
        {
            var code = StateCode.Parse(state);
            program = await scope.ServiceProvider.GetRequiredService<IRegistryDbContext>().Programs.AsNoTracking()
                .Where(p => p.StateCode == code).OrderBy(p => p.Code).Select(p => p.Code).FirstAsync(ct);
        }
        var file = Register(program, rows, context.Scale.Today);
        var scale = $"{rows:N0} rows";
        context.Log.WriteLine($"  register of {rows:N0} rows for {state} ({file.Length / 1024.0 / 1024.0:N1} MB)");

        Guid id = default;
        var dryRun = await MeasureAsync(async () =>
        {
            id = (await SendAsync(host.Services, admin, new SubmitRegisterImport.Command(state, new MemoryStream(file), "register.csv"), ct)).Id;
            await RunJobAsync(host.Services, id, ct);
        });
        var lines = await CountAsync(context.ConnectionString, """SELECT COUNT(*) FROM "RegisterImportReport" WHERE "RegisterImportId" = $1""", id, ct);
        var checkedRun = await ImportAsync(host.Services, id, ct);
        if (checkedRun.Status != RegisterImportStatus.Checked || checkedRun.Problems != 0 || lines != rows)
            throw new InvalidOperationException($"The dry run ended {checkedRun.Status} with {checkedRun.Problems} problems and {lines} report lines for {rows} rows: {checkedRun.Problem}");
        Report(context, "dry run (submit + RunRegisterImport job)", scale, dryRun, rows);

        var import = await MeasureAsync(async () =>
        {
            await SendAsync(host.Services, admin, new ImportRegister.Command(state, id), ct);
            await RunJobAsync(host.Services, id, ct);
        });
        var imported = await CountAsync(context.ConnectionString,
            $"""SELECT COUNT(*) FROM "CredentialHistory" WHERE "RegisterImportId" = $1 AND "Kind" = '{nameof(CredentialEventKind.Imported)}'""", id, ct);
        var done = await ImportAsync(host.Services, id, ct);
        if (done.Status != RegisterImportStatus.Imported || imported != rows)
            throw new InvalidOperationException($"The import ended {done.Status} with {imported} imported credentials for {rows} rows: {done.Problem}");
        Report(context, "import (ImportRegister + RunRegisterImport job)", scale, import, rows);
    }

    /// <summary>The CSV: a new person and an Active credential a row, issued two years before today.</summary>
    private static byte[] Register(string program, int rows, DateOnly today)
    {
        var csv = new StringBuilder("Program,Credential number,Legal first name,Legal last name,Email,Status,Issued on,Expires on\n");
        var issued = today.AddYears(-2).ToString("yyyy-MM-dd");
        var expires = today.AddYears(1).ToString("yyyy-MM-dd");
        for (var i = 0; i < rows; i++)
            csv.Append(program).Append(',').Append(FirstNumber + i).Append(",Peer,Imported").Append(i).Append(",bench.import").Append(i)
                .Append("@example.org,Active,").Append(issued).Append(',').Append(expires).Append('\n');
        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    private static void Report(BenchContext context, string what, string scale, (double Seconds, double PeakGrowthMegabytes) run, int rows)
    {
        context.Report($"register import: {what}", scale, Figure.Seconds(run.Seconds));
        context.Report("  rows a second", scale, Figure.PerSecond(rows / run.Seconds, "rows"));
        context.Report("  peak resident memory growth", scale, Figure.Count(run.PeakGrowthMegabytes, "MB"));
    }

    private static async Task<T> SendAsync<T>(IServiceProvider services, ClaimsPrincipal user, IRequest<T> request, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        using var runAs = CurrentUser.RunAs(user);
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request, ct);
    }

    /// <summary>The job the use case queued (the bench host runs no job server), run here as Hangfire would.</summary>
    private static async Task RunJobAsync(IServiceProvider services, Guid id, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<RegisterImportJob>().RunAsync(id, ct);
    }

    private static async Task<RegisterImport> ImportAsync(IServiceProvider services, Guid id, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IRegistryDbContext>().RegisterImports.AsNoTracking().SingleAsync(i => i.Id == id, ct);
    }

    private static async Task<(double Seconds, double PeakGrowthMegabytes)> MeasureAsync(Func<Task> run)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        ResidentMemory.ResetPeak();
        var before = ResidentMemory.Status("VmRSS:") ?? 0;
        var clock = Stopwatch.StartNew();
        await run();
        var seconds = clock.Elapsed.TotalSeconds;
        var peak = ResidentMemory.Status("VmHWM:") ?? Process.GetCurrentProcess().PeakWorkingSet64;
        return (seconds, (peak - before) / 1024.0 / 1024.0);
    }

    private static async Task<long> CountAsync(string connectionString, string sql, Guid id, CancellationToken ct)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new() { Value = id });
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }
}

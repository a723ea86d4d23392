using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Bench.Running;
using Registry.Infrastructure.Jobs;
using Registry.Infrastructure.Persistence;

namespace Registry.Bench.Benchmarks;

/// <summary>
/// One run of each daily job over the seeded credentials (expiries spread over two years), timed, with the
/// SQL commands it sent. The reminder job runs on the seed's day (catching up every credential within 90
/// days of expiry, as a first run would), then 30 days later; the expiry job runs 30 days after the seed's
/// day (a month of expiries and lapses at once), then again. The command counts depend on the number of
/// programs only. Each count is EF Core's (<see cref="CommandCounter"/>: the job's own flow only), checked
/// against PostgreSQL's (<see cref="PostgresStatements"/>: everything run in the bench database meanwhile,
/// which the quiet bench host, no job server, leaves to the job); the benchmark fails if they differ.
/// Runs last: it changes the data.
/// </summary>
public sealed class DailyJobs : IBenchmark
{
    public string Name => "daily-jobs";

    public int Order => 900;

    public async Task RunAsync(BenchContext context, CancellationToken ct)
    {
        var host = await context.WebHostAsync();
        var scale = context.Scale.ToString();
        var programs = await CountProgramsAsync(host, ct);
        context.Log.WriteLine($"  ({programs} programs)");
        await using var postgres = new PostgresStatements(context.ConnectionString);
        var disagreements = new List<string>();

        async Task<TResult> Run<TJob, TResult>(string label, DateTimeOffset now, Func<TJob, Task<TResult>> run, Func<TResult, string> outcome) where TJob : class
        {
            var before = await postgres.CallsAsync(ct);
            var (result, seconds, commands) = await TimeAsync(host, now, run);
            var after = await postgres.CallsAsync(ct);
            context.Report($"{label} ({outcome(result)})", scale, Figure.Seconds(seconds));
            context.Report($"{label}: SQL commands (EF Core)", scale, Figure.Count(commands.Count, "commands"));
            if (before.Calls is { } first && after.Calls is { } last)
            {
                var counted = last - first;
                context.Report($"{label}: statements PostgreSQL ran (vs EF Core's)", scale, Figure.Count(counted, "statements"),
                    commands.Count == 0 ? null : (double)counted / commands.Count, Goal.SameAsBaseline());
                if (counted != commands.Count)
                    disagreements.Add($"{label}: PostgreSQL ran {counted} statements, EF Core sent {commands.Count} commands: " +
                        string.Join("; ", commands.Commands.GroupBy(FirstLine).Select(g => $"{g.Count()}× {g.Key}")));
            }
            else context.Log.WriteLine($"  PostgreSQL's count unavailable ({before.Unavailable ?? after.Unavailable}); run through bench/run.sh for its cluster with pg_stat_statements.");
            return result;
        }

        await Run<RenewalReminderJob, ReminderRun>("reminder run, first", context.Scale.Now, job => job.RunAsync(ct),
            r => $"{r.Reminders:N0} reminders, {r.Messages:N0} messages");
        await Run<RenewalReminderJob, ReminderRun>("reminder run, 30 days later", context.Scale.Now.AddDays(30), job => job.RunAsync(ct),
            r => $"{r.Reminders:N0} reminders");
        await Run<CredentialExpiryJob, ExpiryRun>("expiry run, 30 days on", context.Scale.Now.AddDays(30), job => job.RunAsync(ct),
            r => $"{r.Expired:N0} expired, {r.Lapsed:N0} lapsed");
        await Run<CredentialExpiryJob, ExpiryRun>("expiry run repeated", context.Scale.Now.AddDays(30), job => job.RunAsync(ct),
            r => $"{r.Expired + r.Lapsed} changes");

        if (disagreements.Count > 0) throw new InvalidOperationException(string.Join("\n", disagreements));
    }

    private static string FirstLine(string sql)
    {
        var line = sql.TrimStart().Split('\n')[0].Trim();
        return line.Length > 80 ? line[..80] + "…" : line;
    }

    private static async Task<int> CountProgramsAsync(BenchHost host, CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Programs.CountAsync(ct);
    }

    /// <summary>Runs a job made in its own scope with a clock fixed at <paramref name="now"/>, counting the commands EF Core sends for it.</summary>
    private static async Task<(TResult Result, double Seconds, CommandCounter.Tally Commands)> TimeAsync<TJob, TResult>(
        BenchHost host, DateTimeOffset now, Func<TJob, Task<TResult>> run) where TJob : class
    {
        await using var scope = host.Services.CreateAsyncScope();
        var job = ActivatorUtilities.CreateInstance<TJob>(scope.ServiceProvider, new FixedClock(now));
        using var commands = CommandCounter.Start();
        var clock = Stopwatch.StartNew();
        var result = await run(job);
        return (result, clock.Elapsed.TotalSeconds, commands);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

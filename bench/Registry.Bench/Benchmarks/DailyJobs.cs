using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Registry.Bench.Running;
using Registry.Infrastructure.Jobs;
using Registry.Infrastructure.Persistence;

namespace Registry.Bench.Benchmarks;

/// <summary>
/// One run of each daily job over the seeded credentials (expiries spread over two years), timed, with the
/// SQL commands it sent. The reminder job runs on the seed's day (catching up every credential within 90
/// days of expiry, as a first run would), then 30 days later; the expiry job runs 30 days after the seed's
/// day (a month of expiries and lapses at once). The command counts depend on the number of programs only.
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

        var first = await TimeAsync<RenewalReminderJob, ReminderRun>(host, context.Scale.Now, job => job.RunAsync(ct));
        context.Report($"reminder run, first ({first.Result.Reminders:N0} reminders, {first.Result.Messages:N0} messages)", scale, Figure.Seconds(first.Seconds));
        context.Report("reminder run, first: SQL commands", scale, Figure.Count(first.Commands, "commands"));

        var later = await TimeAsync<RenewalReminderJob, ReminderRun>(host, context.Scale.Now.AddDays(30), job => job.RunAsync(ct));
        context.Report($"reminder run, 30 days later ({later.Result.Reminders:N0} reminders)", scale, Figure.Seconds(later.Seconds));
        context.Report("reminder run, 30 days later: SQL commands", scale, Figure.Count(later.Commands, "commands"));

        var expiry = await TimeAsync<CredentialExpiryJob, ExpiryRun>(host, context.Scale.Now.AddDays(30), job => job.RunAsync(ct));
        context.Report($"expiry run, 30 days on ({expiry.Result.Expired:N0} expired, {expiry.Result.Lapsed:N0} lapsed)", scale, Figure.Seconds(expiry.Seconds));
        context.Report("expiry run: SQL commands", scale, Figure.Count(expiry.Commands, "commands"));

        var again = await TimeAsync<CredentialExpiryJob, ExpiryRun>(host, context.Scale.Now.AddDays(30), job => job.RunAsync(ct));
        context.Report($"expiry run repeated ({again.Result.Expired + again.Result.Lapsed} changes)", scale, Figure.Seconds(again.Seconds));
    }

    private static async Task<int> CountProgramsAsync(BenchHost host, CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Programs.CountAsync(ct);
    }

    /// <summary>Runs a job made in its own scope with a clock fixed at <paramref name="now"/>, counting EF Core's commands.</summary>
    private static async Task<(TResult Result, double Seconds, int Commands)> TimeAsync<TJob, TResult>(
        BenchHost host, DateTimeOffset now, Func<TJob, Task<TResult>> run) where TJob : class
    {
        await using var scope = host.Services.CreateAsyncScope();
        var job = ActivatorUtilities.CreateInstance<TJob>(scope.ServiceProvider, new FixedClock(now));
        using var counter = new CommandCounter();
        var clock = Stopwatch.StartNew();
        var result = await run(job);
        return (result, clock.Elapsed.TotalSeconds, counter.Count);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    /// <summary>Counts the commands EF Core executes in this process while it is alive (the bench host serves nothing else meanwhile).</summary>
    private sealed class CommandCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly List<IDisposable> _subscriptions = [];
        private int _count;

        public CommandCounter() => _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));

        public int Count => _count;

        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == DbLoggerCategory.Name) lock (_subscriptions) _subscriptions.Add(listener.Subscribe(this));
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == RelationalEventId.CommandExecuted.Name) Interlocked.Increment(ref _count);
        }

        public void OnCompleted() { }

        public void OnError(Exception error) { }

        public void Dispose()
        {
            lock (_subscriptions) _subscriptions.ForEach(s => s.Dispose());
        }
    }
}

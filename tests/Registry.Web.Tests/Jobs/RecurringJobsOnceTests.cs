using System.Diagnostics;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Client;
using Hangfire.Common;
using Hangfire.Logging;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Server;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Registry.Infrastructure.Exports.StateData;
using Registry.Infrastructure.Exports.Workforce;
using Registry.Infrastructure.Jobs;
using Registry.Infrastructure.Mail;
using Registry.Testing;

namespace Registry.Web.Tests.Jobs;

/// <summary>
/// Two Hangfire servers on one PostgreSQL job storage (a schema of its own, so the host's server stays out), with the
/// registry's recurring jobs registered by its own schedules, go through a day of schedule on a clock moved a minute
/// at a time: every occurrence of every job is run, once. Nothing in the registry coordinates this; Hangfire's
/// storage does (a distributed lock per recurring job, and a queue each job is fetched from once).
/// </summary>
public sealed class RecurringJobsOnceTests(WebFixture fixture) : WebTest(fixture)
{
    private const string Schema = "hangfire_once";

    // The last day of a month, so the monthly snapshot (12:00 UTC on the 1st) falls in it too.
    private static readonly DateTime Start = new(2027, 6, 30, 12, 30, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Two_servers_run_each_recurring_job_once_per_occurrence_through_a_day()
    {
        var storage = await StorageAsync();
        Assert.False(storage.HasFeature(JobStorageFeatures.Connection.GetUtcDateTime), "The scheduler would take the database's time, not this test's clock.");
        var clock = new ScheduleClock(Start);
        var recurringJobs = new RecurringJobManager(storage, JobFilterProviders.Providers, new DefaultTimeZoneResolver(), clock.Now);
        foreach (var schedule in Schedules(recurringJobs))
            await schedule.StartAsync(CancellationToken.None);
        using (var connection = storage.GetConnection())
            Assert.Equal([CredentialExpiryJob.JobId, OutboxSchedule.JobId, RenewalReminderJob.JobId, RetentionReminderJob.JobId, StateExportCleanupSchedule.JobId, UnattachedEvidenceSchedule.JobId,
                    WatchListSchedule.JobId, WorkforceSnapshotJob.JobId],
                connection.GetRecurringJobs().Select(j => j.Id).Order());

        using (var first = Server(storage, clock, "once-a"))
        using (var second = Server(storage, clock, "once-b"))
        {
            for (var minute = 1; minute <= 24 * 60; minute++)
            {
                clock.Set(Start.AddMinutes(minute));
                await WaitAsync(() => AllScheduledAfter(storage, clock.Now()), $"the schedulers to pass {clock.Now():u}");
            }
            await WaitAsync(() => Unfinished(storage) == 0, "every job to finish");
        }

        var runs = await RunsAsync();
        Assert.All(runs, run => Assert.True(run.State == "Succeeded" && run.Processings == 1,
            $"{run.RecurringJobId} at {run.Time}: {run.State} after {run.Processings} runs"));
        var perOccurrence = runs.GroupBy(r => (r.RecurringJobId, r.Time)).Where(g => g.Count() > 1).Select(g => $"{g.Key.RecurringJobId} at {g.Key.Time}").ToList();
        Assert.True(perOccurrence.Count == 0, "Run more than once: " + string.Join(", ", perOccurrence));
        Assert.Equal(new Dictionary<string, int>
        {
            [CredentialExpiryJob.JobId] = 1, [OutboxSchedule.JobId] = 24 * 60, [RenewalReminderJob.JobId] = 1, [RetentionReminderJob.JobId] = 1, [StateExportCleanupSchedule.JobId] = 1,
            [UnattachedEvidenceSchedule.JobId] = 1,
            [WatchListSchedule.JobId] = 24 * 60, [WorkforceSnapshotJob.JobId] = 1,
        }, runs.GroupBy(r => r.RecurringJobId).ToDictionary(g => g.Key, g => g.Count()));
        // Both servers took part.
        Assert.Equal(2, runs.Select(r => r.Server).Distinct().Count());
    }

    /// <summary>The host's schedules (its hosted services that register recurring jobs), each given this test's manager.</summary>
    private IEnumerable<IHostedService> Schedules(IRecurringJobManager recurringJobs) =>
        Fixture.Factory.Services.GetServices<IHostedService>()
            .Select(s => s.GetType())
            .Where(type => type.GetConstructors().Any(c => c.GetParameters().Any(p => p.ParameterType == typeof(IRecurringJobManager))))
            .Select(type => (IHostedService)ActivatorUtilities.CreateInstance(Fixture.Factory.Services, type, recurringJobs));

    private async Task<PostgreSqlStorage> StorageAsync()
    {
        await using (var connection = new NpgsqlConnection(Fixture.Factory.Database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {Schema} CASCADE", connection);
            await drop.ExecuteNonQueryAsync();
        }
        // Hangfire logs through one static provider, which the last host started set; point it at this fixture's live host.
        LogProvider.SetCurrentLogProvider(new AspNetCoreLogProvider(Fixture.Factory.Services.GetRequiredService<ILoggerFactory>()));
        var options = new PostgreSqlStorageOptions
        {
            SchemaName = Schema, UseSlidingInvisibilityTimeout = true, PrepareSchemaIfNecessary = true, QueuePollInterval = TimeSpan.FromMilliseconds(50),
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(Fixture.Factory.Database.ConnectionString, options), options);
    }

    /// <summary>A server like the host's (its job activator, the "default" queue), whose recurring scheduler reads <paramref name="clock"/>.</summary>
    private BackgroundJobServer Server(JobStorage storage, ScheduleClock clock, string name) => new(
        new BackgroundJobServerOptions
        {
            ServerName = name,
            Queues = ["default"],
            WorkerCount = 2,
            IsLightweightServer = true, // its own schedulers read the system clock; the one below replaces them
            Activator = Fixture.Factory.Services.GetRequiredService<JobActivator>(),
        },
        storage,
        [new RecurringJobScheduler(new BackgroundJobFactory(JobFilterProviders.Providers), TimeSpan.FromMilliseconds(20), new DefaultTimeZoneResolver(), clock.Now)]);

    private static bool AllScheduledAfter(JobStorage storage, DateTime now)
    {
        using var connection = storage.GetConnection();
        return connection.GetRecurringJobs().All(j => j.NextExecution > now);
    }

    private static long Unfinished(JobStorage storage)
    {
        var monitoring = storage.GetMonitoringApi();
        return monitoring.EnqueuedCount("default") + monitoring.ProcessingCount();
    }

    private static async Task WaitAsync(Func<bool> done, string what)
    {
        var waiting = Stopwatch.StartNew();
        while (!done())
        {
            if (waiting.Elapsed > TimeSpan.FromSeconds(60)) Assert.Fail($"Waited a minute for {what}.");
            await Task.Delay(5);
        }
    }

    private sealed record Run(string RecurringJobId, long Time, string State, long Processings, string Server);

    /// <summary>Every job the schedulers created: its recurring job, its occurrence, its state, how often it was run and where.</summary>
    private async Task<List<Run>> RunsAsync()
    {
        await using var connection = new NpgsqlConnection(Fixture.Factory.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"""
            SELECT trim('"' FROM r.value), t.value::bigint, j.statename,
                   (SELECT count(*) FROM {Schema}.state s WHERE s.jobid = j.id AND s.name = 'Processing'),
                   (SELECT s.data::json->>'ServerId' FROM {Schema}.state s WHERE s.jobid = j.id AND s.name = 'Processing' ORDER BY s.id LIMIT 1)
            FROM {Schema}.job j
            JOIN {Schema}.jobparameter r ON r.jobid = j.id AND r.name = 'RecurringJobId'
            JOIN {Schema}.jobparameter t ON t.jobid = j.id AND t.name = 'Time'
            """, connection);
        var runs = new List<Run>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            runs.Add(new Run(reader.GetString(0), reader.GetInt64(1), reader.GetString(2), reader.GetInt64(3),
                (await reader.IsDBNullAsync(4) ? "" : reader.GetString(4)).Split(':')[0]));
        return runs;
    }

    /// <summary>The schedulers' "now", moved by the test.</summary>
    private sealed class ScheduleClock(DateTime start)
    {
        private long _ticks = start.Ticks;

        public DateTime Now() => new(Interlocked.Read(ref _ticks), DateTimeKind.Utc);

        public void Set(DateTime now) => Interlocked.Exchange(ref _ticks, now.Ticks);
    }
}

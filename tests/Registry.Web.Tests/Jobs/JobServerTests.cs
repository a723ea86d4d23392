using System.Diagnostics;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Common;
using Hangfire.Logging;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Registry.Domain.Credentials;
using Registry.Domain.Jurisdictions;
using Registry.Domain.People;
using Registry.Infrastructure.Jobs;
using Registry.Infrastructure.Persistence;
using Registry.Testing;

namespace Registry.Web.Tests.Jobs;

/// <summary>
/// The daily jobs run by real Hangfire servers on the PostgreSQL job storage: at the same moment on two
/// servers, and killed mid-run then retried. The servers here listen on their own queue, so the host's own
/// server does not take these jobs.
/// </summary>
public sealed class JobServerTests(WebFixture fixture) : WebTest(fixture)
{
    private const string Queue = "job_server_tests";

    // The jobs run in the fixture's host, so by its clock; TestData.State's zone.
    private DateOnly Today => RegistryDay.Today(Fixture.Factory.Clock, "America/Chicago");

    [Fact]
    public async Task Two_servers_running_the_reminder_job_at_once_put_every_due_reminder_in_the_outbox_exactly_once()
    {
        var (program, holders) = await ArrangeAsync(holders: 40);
        var dueDays = new[] { 90, 75, 60, 30, 7, 3, 0, 45 };
        var expiries = holders.Select((h, i) => (Holder: h, ExpiresOn: Today.AddDays(dueDays[i % dueDays.Length])))
            .Append((Holder: holders[0], ExpiresOn: Today.AddDays(20))) // a second credential for one holder
            .ToList();
        var credentials = await CredentialsAsync(program, expiries);

        var storage = Storage();
        var client = new BackgroundJobClient(storage);
        var jobs = Enumerable.Range(0, 2).Select(_ => client.Create(Job.FromExpression<RenewalReminderJob>(j => j.RunAsync(CancellationToken.None)), new EnqueuedState(Queue))).ToList();
        using (Server(storage, "reminders-a"))
        using (Server(storage, "reminders-b"))
            await WaitForAsync(storage, jobs, SucceededState.StateName);

        var (reminders, messages, perCredential) = await QueryAsync(async db => (
            await db.RenewalReminders.CountAsync(),
            await db.Notifications.Where(n => n.Template == "renewal-reminder").Select(n => n.RecipientEmail).ToListAsync(),
            await db.RenewalReminders.GroupBy(r => new { r.CredentialId, r.CycleExpiresOn, r.DaysBefore }).Select(g => g.Count()).MaxAsync()));
        Assert.Equal(credentials.Count, reminders);
        Assert.Equal(1, perCredential);
        Assert.Equal(holders.Select(h => h.Email).Order(), messages.Order());
    }

    [Fact]
    public async Task An_expiry_run_killed_midway_is_retried_and_ends_as_one_clean_run_would()
    {
        // Programs run in state order: Pennsylvania's changes are written before the run reaches Tennessee's.
        var (tennessee, holders) = await ArrangeAsync(holders: 20);
        var pennsylvania = await ProgramAsync("PA");
        var credentials = (await CredentialsAsync(pennsylvania, holders.Where((_, i) => i % 2 == 0).Select((h, i) => (h, Today.AddDays(-1 - i * 7))).ToList()))
            .Concat(await CredentialsAsync(tennessee, holders.Where((_, i) => i % 2 == 1).Select((h, i) => (h, Today.AddDays(-2 - i * 7))).ToList()))
            .ToList();
        var blocker = credentials.First(c => c.ProgramId == tennessee.Id);

        var storage = Storage();
        var job = new BackgroundJobClient(storage).Create(Job.FromExpression<CredentialExpiryJob>(j => j.RunAsync(CancellationToken.None)), new EnqueuedState(Queue));
        // Hold one of Tennessee's rows before the run starts, so it stops after writing Pennsylvania's changes; then kill it.
        await using (var holder = new NpgsqlConnection(Fixture.Factory.Database.ConnectionString))
        {
            await holder.OpenAsync();
            await using var transaction = await holder.BeginTransactionAsync();
            await using (var hold = new NpgsqlCommand("""SELECT 1 FROM "Credentials" WHERE "Id" = @id FOR UPDATE""", holder, transaction))
            {
                hold.Parameters.AddWithValue("id", blocker.Id);
                await hold.ExecuteScalarAsync();
            }
            using var server = Server(storage, "expiry");
            Assert.True(await KillBlockedRunAsync(holder.ProcessID),
                "the expiry run never reached the held row; job history: " + string.Join(" | ", storage.GetMonitoringApi().JobDetails(job).History.Select(h => $"{h.StateName} {h.Reason} {string.Join(",", h.Data.Select(d => d.Key + "=" + d.Value))}"))
                + "; servers: " + string.Join(", ", storage.GetMonitoringApi().Servers().Select(s => $"{s.Name} [{string.Join(",", s.Queues)}] heartbeat {s.Heartbeat:HH:mm:ss}"))
                + "; waiting sessions: " + await WaitingSessionsAsync());
            await transaction.RollbackAsync();
            await WaitForAsync(storage, [job], SucceededState.StateName);
        }

        var history = await QueryAsync(db => db.Set<CredentialEvent>().AsNoTracking().Where(e => e.Kind != CredentialEventKind.Issued).ToListAsync());
        var expectedLapsed = credentials.Count(c => c.ExpiresOn.AddDays(30) < Today);
        Assert.Equal(credentials.Count + expectedLapsed, history.Count);
        Assert.All(history.GroupBy(e => (e.CredentialId, e.Kind)), g => Assert.Single(g));
        Assert.Equal(credentials.Count + expectedLapsed, await QueryAsync(db => db.Notifications.CountAsync()));
        var statuses = await QueryAsync(db => db.Credentials.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Status));
        Assert.All(credentials, c => Assert.Equal(c.ExpiresOn.AddDays(30) < Today ? CredentialStatus.Lapsed : CredentialStatus.Expired, statuses[c.Id]));
        // The killed run is retried by EF's execution strategy (a dropped connection reruns the whole transaction
        // within the same attempt) or, for any other failure, by Hangfire; either way it succeeds once.
        var states = storage.GetMonitoringApi().JobDetails(job).History.Select(h => h.StateName).ToList();
        Assert.Single(states, SucceededState.StateName);
    }

    /// <summary>
    /// Terminates the database session of the run waiting on the held row. Watched from a connection of its own:
    /// pg_stat_activity is a snapshot taken once per transaction, so polling from the holder's transaction would
    /// see the same moment over and over.
    /// </summary>
    private async Task<bool> KillBlockedRunAsync(int holderPid)
    {
        await using var monitor = await MonitorAsync();
        for (var attempt = 0; attempt < 1200; attempt++)
        {
            await using var kill = new NpgsqlCommand("""
                SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                WHERE datname = current_database() AND @holder = ANY(pg_blocking_pids(pid))
                """, monitor);
            kill.Parameters.AddWithValue("holder", holderPid);
            await using var reader = await kill.ExecuteReaderAsync();
            if (await reader.ReadAsync()) return true;
            await Task.Delay(100);
        }
        return false;
    }

    private async Task<string> WaitingSessionsAsync()
    {
        await using var monitor = await MonitorAsync();
        await using var command = new NpgsqlCommand("""
            SELECT string_agg(x, ' || ') FROM (SELECT string_agg(pid || ' ' || state || ' ' || coalesce(wait_event_type, '') || '/' || coalesce(wait_event, '') || ' blocked by ' || pg_blocking_pids(pid)::text || ': ' || left(query, 120), ' || ') AS x
            FROM pg_stat_activity WHERE datname = current_database() AND state <> 'idle' AND pid <> pg_backend_pid()
            UNION ALL SELECT 'connections on the server: ' || count(*) || ' of ' || current_setting('max_connections') FROM pg_stat_activity) waiting
            """, monitor);
        return (await command.ExecuteScalarAsync())?.ToString() ?? "none";
    }

    private async Task<NpgsqlConnection> MonitorAsync()
    {
        var monitor = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Fixture.Factory.Database.ConnectionString) { Pooling = false }.ConnectionString);
        await monitor.OpenAsync();
        return monitor;
    }

    private PostgreSqlStorage Storage()
    {
        // Hangfire logs through one static provider, which the last host started set; point it at this fixture's live host.
        LogProvider.SetCurrentLogProvider(new AspNetCoreLogProvider(Fixture.Factory.Services.GetRequiredService<ILoggerFactory>()));
        var options = new PostgreSqlStorageOptions { SchemaName = "hangfire", UseSlidingInvisibilityTimeout = true, PrepareSchemaIfNecessary = false, QueuePollInterval = TimeSpan.FromMilliseconds(200) };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(Fixture.Factory.Database.ConnectionString, options), options);
    }

    private BackgroundJobServer Server(JobStorage storage, string name) => new(new BackgroundJobServerOptions
    {
        ServerName = $"{name}-{Guid.NewGuid():N}",
        Queues = [Queue],
        WorkerCount = 1,
        SchedulePollingInterval = TimeSpan.FromMilliseconds(500),
        Activator = Fixture.Factory.Services.GetRequiredService<JobActivator>(),
    }, storage);

    private static async Task WaitForAsync(JobStorage storage, IReadOnlyList<string> jobs, string state)
    {
        var waiting = Stopwatch.StartNew();
        while (waiting.Elapsed < TimeSpan.FromSeconds(90))
        {
            using var connection = storage.GetConnection();
            var states = jobs.Select(id => connection.GetStateData(id)?.Name).ToList();
            if (states.All(s => s == state)) return;
            if (states.Contains(FailedState.StateName) && state != FailedState.StateName)
                Assert.Fail("A job failed: " + storage.GetMonitoringApi().JobDetails(jobs[states.IndexOf(FailedState.StateName)]).History[0].Reason);
            await Task.Delay(200);
        }
        Assert.Fail($"The jobs did not reach {state} in time.");
    }

    private async Task<(CredentialProgram Program, List<Person> Holders)> ArrangeAsync(int holders)
    {
        var program = await ProgramAsync("TN");
        var people = Enumerable.Range(1, holders).Select(i => TestData.Person($"Holder{i}", "Jobs")).ToList();
        await Fixture.InsertAsync([.. people]);
        return (program, people);
    }

    private async Task<CredentialProgram> ProgramAsync(string code)
    {
        var state = TestData.State(code, $"State {code}", "CPS", TestData.NoRequirements());
        await Fixture.InsertAsync(state);
        return state.Programs[0];
    }

    /// <summary>Active credentials expiring on the given dates (set exactly, whatever the program's cycle makes of them).</summary>
    private async Task<List<Credential>> CredentialsAsync(CredentialProgram program, IReadOnlyList<(Person Holder, DateOnly ExpiresOn)> expiries)
    {
        var credentials = expiries.Select(e => Credential.Issue(program, e.Holder.Id, e.ExpiresOn.AddYears(-2), Guid.NewGuid(), Now.AddYears(-2))).ToList();
        await Fixture.InsertAsync([.. credentials]);
        foreach (var (credential, expiresOn) in credentials.Zip(expiries.Select(e => e.ExpiresOn)))
            await QueryAsync(db => db.Credentials.Where(c => c.Id == credential.Id).ExecuteUpdateAsync(set => set.SetProperty(c => c.ExpiresOn, expiresOn)));
        return await QueryAsync(db => db.Credentials.AsNoTracking().Where(c => c.ProgramId == program.Id).ToListAsync());
    }

    private async Task<T> QueryAsync<T>(Func<RegistryDbContext, Task<T>> query)
    {
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<RegistryDbContext>());
    }
}

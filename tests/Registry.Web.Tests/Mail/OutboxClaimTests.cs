using System.Diagnostics.Metrics;
using Hangfire.InMemory;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Registry.Domain.Notifications;
using Registry.Infrastructure.Mail;
using Registry.Infrastructure.Persistence;
using Registry.Infrastructure.Persistence.Providers;
using Registry.Infrastructure.Telemetry;
using Registry.Testing;

namespace Registry.Web.Tests.Mail;

/// <summary>
/// The per-message claim on its own, without the run lock that normally keeps dispatchers apart: two
/// dispatchers, each with its own connection, go through the same messages at the same moment.
/// </summary>
public static class OutboxClaim
{
    public static RegistryDbContext Context(TestDatabase database) => database.Provider switch
    {
        DatabaseProvider.Postgres => new PostgresRegistryDbContext(new DbContextOptionsBuilder<PostgresRegistryDbContext>().UseNpgsql(database.ConnectionString).Options),
        DatabaseProvider.Sqlite => new SqliteRegistryDbContext(new DbContextOptionsBuilder<SqliteRegistryDbContext>().UseSqlite(database.ConnectionString).Options),
        _ => new SqlServerRegistryDbContext(new DbContextOptionsBuilder<SqlServerRegistryDbContext>().UseSqlServer(database.ConnectionString).Options),
    };

    /// <summary>Instruments no host reads: these dispatchers run without one.</summary>
    private static readonly RegistryMetrics Metrics = new(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>());

    public static async Task<int> RaceAsync(TestDatabase database, IMailSender sender, TimeProvider clock, IReadOnlyList<Notification> messages)
    {
        using var start = new ManualResetEventSlim();
        var runs = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            await using var db = Context(database);
            var dispatcher = new OutboxDispatcher(db, sender, TestMessages.Templates, new MailOptions(), new AuditContext(), clock, new InMemoryStorage(), NullLogger<OutboxDispatcher>.Instance, Metrics);
            start.Wait();
            var sent = 0;
            foreach (var message in messages)
                if (await dispatcher.SendOneAsync(message.Id, attemptsSeen: 0, CancellationToken.None)) sent++;
            return sent;
        })).ToArray();
        start.Set();
        return (await Task.WhenAll(runs)).Sum();
    }
}

/// <summary>
/// The claim on the embedded default (SQLite) and, when REGISTRY_TEST_SQLSERVER is set, on SQL Server. No web host
/// here: only the schema and two dispatchers.
/// </summary>
public sealed class OutboxClaimOnOtherProvidersTests
{
    public static TheoryData<string> Providers()
    {
        var providers = new TheoryData<string> { "Sqlite" };
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("REGISTRY_TEST_SQLSERVER"))) providers.Add("SqlServer");
        return providers;
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Two_dispatchers_claiming_the_same_messages_at_once_send_each_once(string provider)
    {
        var database = provider == "Sqlite" ? TestDatabase.Sqlite("outbox-claim") : TestDatabase.SqlServer();
        var clock = new TestClock();
        var now = clock.GetUtcNow();
        var messages = Enumerable.Range(1, 10).Select(i => TestMessages.Labelled($"p{i}@test.example", $"Message {i}", now.AddSeconds(-i))).ToArray();
        await using (var db = OutboxClaim.Context(database))
        {
            await db.Database.MigrateAsync();
            db.AddRange(messages);
            await db.SaveChangesAsync();
        }
        var sender = new OutboxDispatcherTests.RecordingSender(delay: TimeSpan.FromMilliseconds(5));

        var sent = await OutboxClaim.RaceAsync(database, sender, clock, messages);

        Assert.Equal(10, sent);
        Assert.Equal(messages.Select(m => m.Rendered().Subject).Order(), sender.Subjects.Order());
        await using var check = OutboxClaim.Context(database);
        var ids = messages.Select(m => m.Id).ToList();
        var rows = await check.Notifications.AsNoTracking().Where(n => ids.Contains(n.Id)).ToListAsync();
        Assert.Equal(10, rows.Count);
        Assert.All(rows, n => Assert.True(n.SentAt is not null && n.Attempts == 1));
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Domain.Notifications;
using Registry.Infrastructure.Mail;
using Registry.Infrastructure.Persistence;
using Registry.Testing;

namespace Registry.Web.Tests.Mail;

/// <summary>
/// The per-message claim on its own, without the run lock that normally keeps dispatchers apart: two
/// dispatchers in two scopes go through the same messages at the same moment.
/// </summary>
public static class OutboxClaim
{
    public static async Task<int> RaceAsync(IServiceProvider services, IMailSender sender, MailOptions options, TimeProvider clock, IReadOnlyList<Notification> messages)
    {
        using var start = new ManualResetEventSlim();
        var runs = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            await using var scope = services.CreateAsyncScope();
            var dispatcher = OutboxTest.Dispatcher(scope.ServiceProvider, sender, options, clock);
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

/// <summary>The claim on the embedded default (SQLite) and, when REGISTRY_TEST_SQLSERVER is set, on SQL Server.</summary>
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
        await using var factory = new RegistryFactory(database, settings: new Dictionary<string, string?> { ["Jobs:RunServer"] = "false" });
        if (provider != "Sqlite") await database.ResetAsync();
        var now = factory.Clock.GetUtcNow();
        var messages = Enumerable.Range(1, 10).Select(i => new Notification($"p{i}@test.example", "Test", $"Message {i}", "Hello", now.AddSeconds(-i))).ToArray();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            db.AddRange(messages);
            await db.SaveChangesAsync();
        }
        var sender = new OutboxDispatcherTests.RecordingSender(delay: TimeSpan.FromMilliseconds(5));

        var sent = await OutboxClaim.RaceAsync(factory.Services, sender, new MailOptions(), factory.Clock, messages);

        Assert.Equal(10, sent);
        Assert.Equal(messages.Select(m => m.Subject).Order(), sender.Subjects.Order());
        await using var check = factory.Services.CreateAsyncScope();
        var rows = await check.ServiceProvider.GetRequiredService<RegistryDbContext>().Notifications.AsNoTracking().ToListAsync();
        Assert.All(rows, n => Assert.True(n.SentAt is not null && n.Attempts == 1));
    }
}

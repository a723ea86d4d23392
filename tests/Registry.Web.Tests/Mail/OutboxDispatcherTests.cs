using System.Collections.Concurrent;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Registry.Application.Common.Interfaces;
using Registry.Domain.Notifications;
using Registry.Infrastructure.Mail;
using Registry.Infrastructure.Persistence;
using Registry.Web.Tests.Account;

namespace Registry.Web.Tests.Mail;

/// <summary>
/// The outbox dispatcher on PostgreSQL. The host's own every-minute job is paused for these tests so that
/// only the dispatchers under test send.
/// </summary>
public sealed class OutboxDispatcherTests(WebFixture fixture) : WebTest(fixture), IAsyncLifetime
{
    private readonly string _pickup = Path.Combine(Path.GetTempPath(), "registry-mail-tests", Guid.NewGuid().ToString("N"));

    async Task IAsyncLifetime.InitializeAsync()
    {
        Fixture.Factory.Services.GetRequiredService<IRecurringJobManager>().RemoveIfExists(OutboxSchedule.JobId);
        await Fixture.Factory.Database.ResetAsync();
    }

    Task IAsyncLifetime.DisposeAsync()
    {
        OutboxSchedule.Register(Fixture.Factory.Services.GetRequiredService<IRecurringJobManager>());
        if (Directory.Exists(_pickup)) Directory.Delete(_pickup, recursive: true);
        return Task.CompletedTask;
    }

    private async Task<Notification[]> QueueAsync(int count)
    {
        var start = DateTimeOffset.UtcNow.AddMinutes(-count);
        var messages = Enumerable.Range(1, count)
            .Select(i => new Notification($"peer{i}@test.example", "Test", $"Message {i}", $"Hello {i}: http://localhost/x?i={i}", start.AddSeconds(i)))
            .ToArray();
        await Fixture.InsertAsync(messages);
        return messages;
    }

    private async Task<int> DispatchAsync(IMailSender sender, int maxPerMinute = 120)
    {
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var dispatcher = new OutboxDispatcher(services.GetRequiredService<RegistryDbContext>(), sender,
            new MailOptions { PickupDirectory = _pickup, MaxPerMinute = maxPerMinute }, services.GetRequiredService<IAuditContext>(),
            TimeProvider.System, NullLogger<OutboxDispatcher>.Instance);
        return await dispatcher.DispatchAsync();
    }

    private Task<List<Notification>> OutboxAsync() => Fixture.QueryAsync(db => db.Notifications.AsNoTracking().OrderBy(n => n.CreatedAt).ToListAsync());

    [Fact]
    public async Task Pending_messages_are_written_to_the_pickup_folder_and_marked_sent()
    {
        await QueueAsync(3);

        var sent = await DispatchAsync(new PickupFolderMailSender(new MailOptions { PickupDirectory = _pickup }));

        Assert.Equal(3, sent);
        var files = Directory.GetFiles(_pickup, "*.eml").Select(File.ReadAllText).ToList();
        Assert.Equal(3, files.Count);
        Assert.All(Enumerable.Range(1, 3), i => Assert.Single(files, f => f.Contains($"To: peer{i}@test.example") && f.Contains($"Subject: Message {i}")));
        Assert.All(await OutboxAsync(), n => Assert.True(n.SentAt is not null && n.Attempts == 1 && n.LastError is null));
    }

    [Fact]
    public async Task A_batch_sends_the_oldest_first_and_no_more_than_the_limit()
    {
        await QueueAsync(5);
        var sender = new RecordingSender();

        Assert.Equal(2, await DispatchAsync(sender, maxPerMinute: 2));

        Assert.Equal(["Message 1", "Message 2"], sender.Subjects);
    }

    [Fact]
    public async Task Running_the_dispatcher_twice_sends_each_message_once()
    {
        await QueueAsync(4);
        var sender = new RecordingSender();

        Assert.Equal(4, await DispatchAsync(sender));
        Assert.Equal(0, await DispatchAsync(sender));

        Assert.Equal(4, sender.Subjects.Count);
    }

    [Fact]
    public async Task Two_dispatchers_at_once_send_each_message_once()
    {
        await QueueAsync(20);
        var sender = new RecordingSender(delay: TimeSpan.FromMilliseconds(10));

        var sent = await Task.WhenAll(Task.Run(() => DispatchAsync(sender)), Task.Run(() => DispatchAsync(sender)));

        Assert.Equal(20, sent.Sum());
        Assert.Equal(20, sender.Subjects.Count);
        Assert.Equal(20, sender.Subjects.Distinct().Count());
        Assert.All(await OutboxAsync(), n => Assert.Equal(1, n.Attempts));
    }

    [Fact]
    public async Task A_failed_message_is_marked_failed_and_retried_on_the_next_run()
    {
        await QueueAsync(1);

        Assert.Equal(0, await DispatchAsync(new FailingSender()));
        var failed = Assert.Single(await OutboxAsync());
        Assert.Equal((null, 1, "The relay is down."), (failed.SentAt, failed.Attempts, failed.LastError));

        var sender = new RecordingSender();
        Assert.Equal(1, await DispatchAsync(sender));
        var sent = Assert.Single(await OutboxAsync());
        Assert.Equal((2, (string?)null), (sent.Attempts, sent.LastError));
        Assert.NotNull(sent.SentAt);
    }

    [Fact]
    public async Task A_message_is_given_up_after_ten_failed_attempts()
    {
        await QueueAsync(1);
        for (var attempt = 0; attempt < OutboxDispatcher.MaxAttempts; attempt++)
            await DispatchAsync(new FailingSender());

        var sender = new RecordingSender();
        Assert.Equal(0, await DispatchAsync(sender));

        Assert.Empty(sender.Subjects);
        Assert.Equal(10, Assert.Single(await OutboxAsync()).Attempts);
    }

    private sealed class RecordingSender(TimeSpan delay = default) : IMailSender
    {
        private readonly ConcurrentQueue<string> _subjects = new();

        public IReadOnlyList<string> Subjects => [.. _subjects];

        public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
        {
            if (delay > TimeSpan.Zero) await Task.Delay(delay, cancellationToken);
            _subjects.Enqueue(mail.Subject);
        }
    }

    private sealed class FailingSender : IMailSender
    {
        public Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken) => throw new InvalidOperationException("The relay is down.");
    }
}

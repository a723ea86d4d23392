using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Registry.Domain.Notifications;
using Registry.Infrastructure.Mail;

using Registry.Testing;

namespace Registry.Web.Tests.Mail;

[Collection(nameof(WebCollection))]
public sealed class OutboxDispatcherTests(WebFixture fixture) : OutboxTest(fixture)
{
    [Fact]
    public async Task Pending_messages_are_written_to_the_pickup_folder_as_well_formed_eml_files_and_marked_sent()
    {
        var queued = await QueueAsync(3);

        var sent = await DispatchAsync(new PickupFolderMailSender(Options(), Clock));

        Assert.Equal(3, sent);
        Assert.All(Directory.GetFiles(Pickup), f => Assert.EndsWith(".eml", f)); // no temporary file left behind
        var files = Directory.GetFiles(Pickup, "*.eml");
        Assert.Equal(3, files.Length);
        foreach (var (notification, i) in queued.Select((n, i) => (n, i + 1)))
        {
            var file = Assert.Single(files, f => Path.GetFileName(f) == $"{notification.Id:N}.eml");
            using var message = await MimeMessage.LoadAsync(file);
            Assert.Equal($"peer{i}@test.example", Assert.Single(message.To.Mailboxes).Address);
            Assert.Equal("no-reply@registry.example", Assert.Single(message.From.Mailboxes).Address);
            Assert.Equal(TestMessages.SubjectOf($"Message {i}"), message.Subject);
            Assert.Equal($"{notification.Id:N}@registry.example", message.MessageId);
            Assert.Equal(notification.Rendered().Text, message.TextBody);
            Assert.Equal(notification.Rendered().Html, message.HtmlBody);
        }
        Assert.All(await OutboxAsync(), n => Assert.True(n.SentAt is not null && n.Attempts == 1 && n.LastError is null));
    }

    [Fact]
    public async Task A_batch_sends_the_oldest_first_and_no_more_than_the_limit()
    {
        await QueueAsync(5);
        var sender = new RecordingSender();

        Assert.Equal(2, await DispatchAsync(sender, maxPerMinute: 2));

        Assert.Equal([TestMessages.SubjectOf("Message 1"), TestMessages.SubjectOf("Message 2")], sender.Subjects);
    }

    [Fact]
    public async Task A_message_someone_waits_for_goes_before_bulk_reminders_queued_earlier()
    {
        var start = Clock.GetUtcNow().AddHours(-1);
        var reminders = Enumerable.Range(1, 4).Select(i => TestMessages.Labelled($"holder{i}@test.example", $"Reminder {i}", start.AddSeconds(i), NotificationPriority.Bulk));
        await Fixture.InsertAsync([.. reminders]);
        await Fixture.InsertAsync(TestMessages.Labelled("locked.out@test.example", "Reset your password", Clock.GetUtcNow()));
        var sender = new RecordingSender();

        Assert.Equal(2, await DispatchAsync(sender, maxPerMinute: 2));
        Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(2, await DispatchAsync(sender, maxPerMinute: 2));

        Assert.Equal(new[] { "Reset your password", "Reminder 1", "Reminder 2", "Reminder 3" }.Select(TestMessages.SubjectOf), sender.Subjects);
    }

    [Fact]
    public async Task No_run_sends_more_than_the_limit_counted_over_the_last_minute()
    {
        await QueueAsync(8);
        var sender = new RecordingSender();

        Assert.Equal(3, await DispatchAsync(sender, maxPerMinute: 3));
        Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(0, await DispatchAsync(sender, maxPerMinute: 3)); // the three of 30 seconds ago still count
        Clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(3, await DispatchAsync(sender, maxPerMinute: 3));

        Assert.Equal(6, sender.Subjects.Count);
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
    public async Task Two_dispatchers_claiming_the_same_messages_at_once_send_each_once()
    {
        var queued = await QueueAsync(10);
        var sender = new RecordingSender(delay: TimeSpan.FromMilliseconds(10));

        var sent = await OutboxClaim.RaceAsync(Fixture.Factory.Database, sender, Clock, queued);

        Assert.Equal(10, sent);
        Assert.Equal(queued.Select(n => n.Rendered().Subject).Order(), sender.Subjects.Order());
        Assert.All(await OutboxAsync(), n => Assert.True(n.SentAt is not null && n.Attempts == 1));
    }

    [Fact]
    public async Task A_failed_message_waits_for_its_backoff_then_is_retried()
    {
        await QueueAsync(1);

        var failedAt = Clock.GetUtcNow();
        Assert.Equal(0, await DispatchAsync(new FailingSender()));
        var failed = Assert.Single(await OutboxAsync());
        Assert.Equal((null, 1, "The relay is down.", null), (failed.SentAt, failed.Attempts, failed.LastError, failed.FailedAt));
        Assert.InRange(failed.NextAttemptAt, failedAt + Notification.RetryDelay(1), Clock.GetUtcNow() + Notification.RetryDelay(1));

        var sender = new RecordingSender();
        Clock.Advance(Notification.RetryDelay(1) - TimeSpan.FromSeconds(5));
        Assert.Equal(0, await DispatchAsync(sender)); // not due yet
        Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(1, await DispatchAsync(sender));

        var sent = Assert.Single(await OutboxAsync());
        Assert.Equal((2, (string?)null), (sent.Attempts, sent.LastError));
        Assert.NotNull(sent.SentAt);
        Assert.Single(sender.Subjects);
    }

    [Fact]
    public async Task A_message_that_keeps_failing_is_given_up_after_ten_attempts_with_growing_waits()
    {
        await QueueAsync(1);
        var waits = new List<TimeSpan>();
        for (var attempt = 1; attempt <= Notification.MaxAttempts; attempt++)
        {
            Assert.Equal(0, await DispatchAsync(new FailingSender()));
            var row = Assert.Single(await OutboxAsync());
            Assert.Equal(attempt, row.Attempts);
            if (row.FailedAt is null)
            {
                waits.Add(row.NextAttemptAt - Clock.GetUtcNow());
                Clock.Advance(row.NextAttemptAt - Clock.GetUtcNow());
            }
        }

        Assert.Equal(Notification.MaxAttempts - 1, waits.Count);
        Assert.All(waits.Zip(waits.Skip(1)), pair => Assert.True(pair.Second >= pair.First));
        var given = Assert.Single(await OutboxAsync());
        Assert.Equal((10, (DateTimeOffset?)null), (given.Attempts, given.SentAt));
        Assert.NotNull(given.FailedAt);

        var sender = new RecordingSender();
        Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await DispatchAsync(sender));
        Assert.Empty(sender.Subjects);
    }

    public sealed class RecordingSender(TimeSpan delay = default) : IMailSender
    {
        private readonly ConcurrentQueue<string> _subjects = new();

        public IReadOnlyList<string> Subjects => [.. _subjects];

        public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
        {
            if (delay > TimeSpan.Zero) await Task.Delay(delay, cancellationToken);
            _subjects.Enqueue(mail.Subject);
        }
    }

    public sealed class FailingSender : IMailSender
    {
        public Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken) => throw new InvalidOperationException("The relay is down.");
    }
}

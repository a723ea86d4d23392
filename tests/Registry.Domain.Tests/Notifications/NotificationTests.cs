using Registry.Domain.Common;
using Registry.Domain.Notifications;

namespace Registry.Domain.Tests.Notifications;

public class NotificationTests
{
    private static readonly DateTimeOffset Written = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static Notification Message() => new("peer@test.example", "test", "{}", Written);

    [Fact]
    public void A_new_message_is_due_when_written()
    {
        var message = Message();

        Assert.Equal((Written, 0, (DateTimeOffset?)null, (DateTimeOffset?)null), (message.NextAttemptAt, message.Attempts, message.SentAt, message.FailedAt));
    }

    [Fact]
    public void Each_failure_doubles_the_wait_from_one_minute_up_to_four_hours_and_the_tenth_gives_up()
    {
        var message = Message();
        var at = Written;
        var waits = new List<double>();
        for (var attempt = 1; attempt < Notification.MaxAttempts; attempt++)
        {
            message.MarkFailed($"refused {attempt}", at);
            waits.Add((message.NextAttemptAt - at).TotalMinutes);
            at = message.NextAttemptAt;
        }

        Assert.Equal([1, 2, 4, 8, 16, 32, 64, 128, 240], waits);
        Assert.Null(message.FailedAt);

        message.MarkFailed("refused 10", at);
        Assert.Equal((10, at, "refused 10"), (message.Attempts, message.FailedAt, message.LastError));
    }

    [Fact]
    public void Sending_after_a_failure_clears_the_error_and_counts_the_attempt()
    {
        var message = Message();
        message.MarkFailed("451 try again later", Written);

        message.MarkSent(Written.AddMinutes(1));

        Assert.Equal((2, Written.AddMinutes(1), (string?)null), (message.Attempts, message.SentAt, message.LastError));
    }

    [Fact]
    public void Retry_now_makes_a_failed_message_due_at_once_with_fresh_attempts()
    {
        var message = Message();
        for (var attempt = 0; attempt < Notification.MaxAttempts; attempt++) message.MarkFailed("down", Written);
        var now = Written.AddDays(1);

        message.Requeue(now);

        Assert.Equal((0, now, (DateTimeOffset?)null, "down"), (message.Attempts, message.NextAttemptAt, message.FailedAt, message.LastError));
    }

    [Fact]
    public void A_sent_message_cannot_be_requeued()
    {
        var message = Message();
        message.MarkSent(Written);

        Assert.Throws<DomainRuleException>(() => message.Requeue(Written.AddHours(1)));
    }
}

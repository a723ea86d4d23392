using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messages;
using Registry.Domain.Notifications;
using Registry.Infrastructure.Persistence;
using Registry.Infrastructure.Telemetry;

namespace Registry.Infrastructure.Mail;

/// <summary>
/// Sends the outbox messages that are due, those someone is waiting for before bulk ones (<see cref="NotificationPriority"/>)
/// and earliest first within each, never more than <see cref="MailOptions.MaxPerMinute"/>
/// in any minute. A failed send is tried again after a growing wait (<see cref="Notification.RetryDelay"/>) and
/// given up after <see cref="Notification.MaxAttempts"/> attempts, when it shows on /Staff/Outbox for an administrator.
/// </summary>
public sealed class OutboxDispatcher(RegistryDbContext db, IMailSender sender, MessageTemplates templates, MailOptions options, IAuditContext audit, TimeProvider clock,
    JobStorage jobStorage, ILogger<OutboxDispatcher> logger, RegistryMetrics metrics)
{
    /// <summary>The job storage's lock that lets one run at a time send, on whichever server it runs.</summary>
    public const string RunLock = "registry:outbox-dispatch";

    /// <summary>How long a run waits for another run to finish before it leaves the sending to that one.</summary>
    public static readonly TimeSpan RunLockWait = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    /// <summary>Sends one batch; returns how many messages were sent.</summary>
    public async Task<int> DispatchAsync(CancellationToken cancellationToken = default)
    {
        audit.Action = "SendNotification";
        using var storage = jobStorage.GetConnection();
        IDisposable runLock;
        try
        {
            runLock = storage.AcquireDistributedLock(RunLock, RunLockWait);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogInformation(e, "Another outbox run is sending; this one leaves it to that run.");
            return 0;
        }

        using (runLock)
        {
            // Runs are one at a time, so what was sent in the last minute bounds this run: the limit holds over
            // any minute, even one that straddles a slow run and the next.
            var now = clock.GetUtcNow();
            var since = now - Minute;
            var sentLastMinute = await db.Notifications.CountAsync(n => n.SentAt > since, cancellationToken);
            var allowance = options.MaxPerMinute - sentLastMinute;
            if (allowance <= 0) return 0;

            var batch = await Due(db, now, allowance).ToListAsync(cancellationToken);

            var sent = 0;
            foreach (var candidate in batch)
            {
                if (await SendOneAsync(candidate.Id, candidate.Attempts, cancellationToken)) sent++;
                db.ChangeTracker.Clear();
            }
            return sent;
        }
    }

    /// <summary>
    /// Claims the message by locking its row while it is unsent and unchanged since the batch was read, sends
    /// it, and records the outcome in the same transaction. A second dispatcher waits on the lock, then finds
    /// the message sent (or its attempt already counted) and skips it. Delivery is at least once: if the
    /// process dies after the mail system accepted the message but before the commit, the next run sends it again
    /// (with the same Message-Id, and in the pickup folder the same file name).
    /// The lock is held while one message is handed over: a row on PostgreSQL and SQL Server, the whole file on SQLite.
    /// </summary>
    internal Task<bool> SendOneAsync(Guid id, int attemptsSeen, CancellationToken cancellationToken) =>
        db.InTransactionAsync(ct => SendInTransactionAsync(id, attemptsSeen, ct), cancellationToken);

    /// <summary>The next messages to send, those someone waits for first, then the earliest.</summary>
    internal static IQueryable<DueMessage> Due(RegistryDbContext db, DateTimeOffset now, int allowance) =>
        db.Notifications.AsNoTracking()
            .Where(n => n.SentAt == null && n.FailedAt == null && n.NextAttemptAt <= now)
            .OrderBy(n => n.Priority).ThenBy(n => n.NextAttemptAt).ThenBy(n => n.CreatedAt)
            .Take(allowance)
            .Select(n => new DueMessage(n.Id, n.Attempts));

    internal sealed record DueMessage(Guid Id, int Attempts);

    /// <summary>Locks the message's row if it is still unsent and unchanged (an update that changes nothing); 1 if claimed.</summary>
    internal static Task<int> ClaimAsync(RegistryDbContext db, Guid id, int attemptsSeen, CancellationToken cancellationToken) =>
        db.Notifications
            .Where(n => n.Id == id && n.SentAt == null && n.FailedAt == null && n.Attempts == attemptsSeen)
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.Attempts, n => n.Attempts), cancellationToken);

    private async Task<bool> SendInTransactionAsync(Guid id, int attemptsSeen, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction!;
        if (await ClaimAsync(db, id, attemptsSeen, cancellationToken) == 0) return false;

        var notification = await db.Notifications.SingleAsync(n => n.Id == id, cancellationToken);
        var delivered = false;
        try
        {
            var message = templates.Render(notification);
            // A decision's letter goes with its e-mail: the PDF kept when the decision was made, as it was made.
            var letters = await db.DecisionLetters.AsNoTracking().Where(l => l.NotificationId == notification.Id)
                .Select(l => new MailAttachment(l.FileName, "application/pdf", l.Pdf)).ToListAsync(cancellationToken);
            await sender.SendAsync(new OutgoingMail(notification.Id, notification.RecipientEmail, message.Subject, message.Text, message.Html, letters), cancellationToken);
            notification.MarkSent(clock.GetUtcNow());
            delivered = true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            notification.MarkFailed(e.Message, clock.GetUtcNow());
            metrics.SendFailed(givenUp: notification.FailedAt is not null);
            if (notification.FailedAt is null)
                logger.LogWarning(e, "Notification {NotificationId} could not be sent (attempt {Attempt}); next attempt at {NextAttemptAt}.", id, notification.Attempts, notification.NextAttemptAt);
            else
                logger.LogError(e, "Notification {NotificationId} could not be sent after {Attempts} attempts and is given up.", id, notification.Attempts);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return delivered;
    }
}

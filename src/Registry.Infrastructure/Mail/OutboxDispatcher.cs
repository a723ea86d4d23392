using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Registry.Application.Common.Interfaces;
using Registry.Infrastructure.Persistence;

namespace Registry.Infrastructure.Mail;

/// <summary>
/// Sends what the outbox holds unsent, oldest first, at most <see cref="MailOptions.MaxPerMinute"/> a run.
/// A message that fails is retried on the next run, and given up after <see cref="MaxAttempts"/> attempts.
/// </summary>
public sealed class OutboxDispatcher(RegistryDbContext db, IMailSender sender, MailOptions options, IAuditContext audit, TimeProvider clock, ILogger<OutboxDispatcher> logger)
{
    public const int MaxAttempts = 10;

    /// <summary>Sends one batch; returns how many messages were sent.</summary>
    public async Task<int> DispatchAsync(CancellationToken cancellationToken = default)
    {
        audit.Action = "SendNotification";
        var batch = await db.Notifications.AsNoTracking()
            .Where(n => n.SentAt == null && n.Attempts < MaxAttempts)
            .OrderBy(n => n.CreatedAt)
            .Take(options.MaxPerMinute)
            .Select(n => new { n.Id, n.Attempts })
            .ToListAsync(cancellationToken);

        var sent = 0;
        foreach (var candidate in batch)
        {
            if (await SendOneAsync(candidate.Id, candidate.Attempts, cancellationToken)) sent++;
            db.ChangeTracker.Clear();
        }
        return sent;
    }

    /// <summary>
    /// Claims the message by locking its row while it is unsent and unchanged since the batch was read, sends
    /// it, and records the outcome in the same transaction. A second dispatcher waits on the lock, then finds
    /// the message sent (or its attempt already counted) and skips it. Delivery is at least once: if the
    /// process dies after the mail system accepted the message but before the commit, the next run sends it again.
    /// The lock is held while one message is handed over: a row on PostgreSQL and SQL Server, the whole file on SQLite.
    /// </summary>
    private Task<bool> SendOneAsync(Guid id, int attemptsSeen, CancellationToken cancellationToken) =>
        db.InTransactionAsync(ct => SendInTransactionAsync(id, attemptsSeen, ct), cancellationToken);

    private async Task<bool> SendInTransactionAsync(Guid id, int attemptsSeen, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction!;
        var claimed = await db.Notifications
            .Where(n => n.Id == id && n.SentAt == null && n.Attempts == attemptsSeen)
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.Attempts, n => n.Attempts), cancellationToken);
        if (claimed == 0) return false;

        var notification = await db.Notifications.SingleAsync(n => n.Id == id, cancellationToken);
        var delivered = false;
        try
        {
            await sender.SendAsync(new OutgoingMail(notification.RecipientEmail, notification.Subject, notification.Body), cancellationToken);
            notification.MarkSent(clock.GetUtcNow());
            delivered = true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Notification {NotificationId} could not be sent (attempt {Attempt}).", id, attemptsSeen + 1);
            notification.MarkFailed(e.Message);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return delivered;
    }
}

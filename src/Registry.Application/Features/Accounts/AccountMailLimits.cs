using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;

namespace Registry.Application.Features.Accounts;

/// <summary>
/// At most <see cref="PerHour"/> account mails of one kind (reset, confirmation, "already registered") to one address
/// in an hour, counted in the outbox, so no one can flood a person's mailbox through the registry. Past the cap the
/// caller hears the usual answer and no mail is written. The count is read whether or not the account exists.
/// </summary>
public static class AccountMailLimits
{
    public const int PerHour = 3;

    public static async Task<bool> MaySendAsync(IRegistryDbContext db, TimeProvider clock, string email, string template, CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow() - TimeSpan.FromHours(1);
        var recipient = email.Trim();
        var sent = await db.Notifications.CountAsync(n => n.RecipientEmail == recipient && n.Template == template && n.CreatedAt > since, cancellationToken);
        return sent < PerHour;
    }
}

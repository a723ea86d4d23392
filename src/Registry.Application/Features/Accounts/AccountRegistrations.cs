using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messages.Templates;

namespace Registry.Application.Features.Accounts;

/// <summary>What both registrations do before they create anything, so a taken address looks like a free one to the caller.</summary>
public static class AccountRegistrations
{
    /// <summary>
    /// Refuses an unacceptable password first, for a taken address as for a free one. When the address already has an
    /// account, hashes the password as creating one would, tells the holder by e-mail (within
    /// <see cref="AccountMailLimits"/>) and answers true: the caller then answers as if it had registered.
    /// </summary>
    public static async Task<bool> IsTakenAsync(IRegistryDbContext db, IIdentityService identity, TimeProvider clock, string email, string password,
        CancellationToken cancellationToken)
    {
        await identity.RefuseUnacceptablePasswordAsync(password);
        if (await identity.FindByEmailAsync(email.Trim()) is not { } holder) return false;
        identity.HashPasswordForEqualTime(password);
        if (await AccountMailLimits.MaySendAsync(db, clock, holder.Email, AlreadyRegisteredMessage.Template, cancellationToken))
            db.Notifications.Add(AccountEmails.AlreadyRegistered(holder, clock.GetUtcNow()));
        return true;
    }
}

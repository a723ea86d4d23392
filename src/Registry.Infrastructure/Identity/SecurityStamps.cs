using Microsoft.EntityFrameworkCore;
using Registry.Infrastructure.Persistence;

namespace Registry.Infrastructure.Identity;

/// <summary>
/// An account's current security stamp, which every sign-in (cookie or bearer token) carries from when it was
/// made. Identity gives the account a new one when its password is reset or it is disabled, and signing out does
/// too; a sign-in carrying an older stamp has ended.
/// </summary>
public sealed class SecurityStamps(RegistryDbContext db)
{
    /// <summary>One read by primary key of one column; null when the account no longer exists.</summary>
    public Task<string?> CurrentAsync(Guid userId, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.SecurityStamp).FirstOrDefaultAsync(cancellationToken);
}

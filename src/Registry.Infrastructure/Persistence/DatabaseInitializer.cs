using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Security;

namespace Registry.Infrastructure.Persistence;

/// <summary>Brings the database to the latest migration and makes sure the roles exist.</summary>
public sealed class DatabaseInitializer(RegistryDbContext db, RoleManager<IdentityRole<Guid>> roles)
{
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await db.Database.MigrateAsync(cancellationToken);
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole<Guid>(role));
    }
}

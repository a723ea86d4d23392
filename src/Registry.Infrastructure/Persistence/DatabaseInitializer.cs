using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Security;
using Registry.Infrastructure.Seeding;

namespace Registry.Infrastructure.Persistence;

/// <summary>Brings the database to the latest migration (with its data steps) and makes sure the roles and the standard wordings exist.</summary>
public sealed class DatabaseInitializer(RegistryDbContext db, RoleManager<IdentityRole<Guid>> roles, AuditContext audit, TimeProvider clock, CountyTextMatching counties)
{
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await db.Database.MigrateAsync(cancellationToken);
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole<Guid>(role));

        audit.Action = "PublishStandardWordings";
        var published = await db.AttestationWordings.Select(w => new { w.Code, w.Version }).ToListAsync(cancellationToken);
        var missing = StandardWordings.All(clock.GetUtcNow()).Where(w => !published.Any(p => p.Code == w.Code && p.Version == w.Version)).ToList();
        if (missing.Count > 0)
        {
            db.AttestationWordings.AddRange(missing);
            await db.SaveChangesAsync(cancellationToken);
        }

        await counties.MatchAsync(cancellationToken);
    }
}

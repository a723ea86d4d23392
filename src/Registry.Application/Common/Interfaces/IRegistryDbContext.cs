using Microsoft.EntityFrameworkCore;
using Registry.Domain.Applications;
using Registry.Domain.Auditing;
using Registry.Domain.Credentials;
using Registry.Domain.Employers;
using Registry.Domain.Jurisdictions;
using Registry.Domain.People;

namespace Registry.Application.Common.Interfaces;

/// <summary>The registry's data as handlers see it: EF Core sets, no generic repository (see STYLE.md).</summary>
public interface IRegistryDbContext
{
    DbSet<Jurisdiction> Jurisdictions { get; }
    DbSet<CredentialProgram> Programs { get; }
    DbSet<Person> People { get; }
    DbSet<CertificationApplication> Applications { get; }
    DbSet<Credential> Credentials { get; }
    DbSet<Employer> Employers { get; }
    DbSet<AuditEntry> AuditEntries { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}

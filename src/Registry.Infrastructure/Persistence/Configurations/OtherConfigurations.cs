using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Domain.Auditing;
using Registry.Domain.Credentials;
using Registry.Domain.Employers;
using Registry.Infrastructure.Identity;

namespace Registry.Infrastructure.Persistence.Configurations;

internal sealed class EmployerConfiguration : IEntityTypeConfiguration<Employer>
{
    public void Configure(EntityTypeBuilder<Employer> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Name).HasMaxLength(200);
        builder.Property(e => e.ContactEmail).HasMaxLength(256);
        builder.Ignore(e => e.IsApproved);
        builder.HasIndex(e => new { e.StateCode, e.Status });
    }
}

internal sealed class EmployerApiKeyConfiguration : IEntityTypeConfiguration<EmployerApiKey>
{
    public void Configure(EntityTypeBuilder<EmployerApiKey> builder)
    {
        builder.ToTable("EmployerApiKeys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Id).ValueGeneratedNever();
        builder.HasOne<Employer>().WithMany().HasForeignKey(k => k.EmployerId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(k => k.Name).HasMaxLength(100);
        builder.Property(k => k.Prefix).HasMaxLength(EmployerApiKey.PrefixLength);
        builder.Property(k => k.KeyHash).HasMaxLength(64);
        builder.HasIndex(k => k.KeyHash).IsUnique();
        builder.HasIndex(k => k.EmployerId);
        builder.Ignore(k => k.IsRevoked);
    }
}

internal sealed class WatchedCredentialConfiguration : IEntityTypeConfiguration<WatchedCredential>
{
    public void Configure(EntityTypeBuilder<WatchedCredential> builder)
    {
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Id).ValueGeneratedNever();
        builder.HasOne<Employer>().WithMany().HasForeignKey(w => w.EmployerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Credential>().WithMany().HasForeignKey(w => w.CredentialId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(w => new { w.EmployerId, w.CredentialId }).IsUnique();
        builder.HasIndex(w => w.CredentialId);
    }
}

internal sealed class WatchAlertConfiguration : IEntityTypeConfiguration<WatchAlert>
{
    public void Configure(EntityTypeBuilder<WatchAlert> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.HasOne<Employer>().WithMany().HasForeignKey(a => a.EmployerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CredentialEvent>().WithMany().HasForeignKey(a => a.CredentialEventId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.EmployerId, a.CredentialEventId }).IsUnique();
        builder.HasIndex(a => new { a.EmployerId, a.CreatedAt });
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditLog");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.ActorName).HasMaxLength(256);
        builder.Property(a => a.Action).HasMaxLength(100);
        builder.Property(a => a.EntityType).HasMaxLength(100);
        builder.Property(a => a.EntityId).HasMaxLength(100);
        builder.Property(a => a.StateCode).HasMaxLength(2);
        builder.Property(a => a.ClientAddress).HasMaxLength(64);
        builder.HasIndex(a => new { a.EntityType, a.EntityId });
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => new { a.Kind, a.At });
    }
}

internal sealed class RegistryUserConfiguration : IEntityTypeConfiguration<RegistryUser>
{
    public void Configure(EntityTypeBuilder<RegistryUser> builder)
    {
        builder.Property(u => u.StateCode).HasMaxLength(2);
        builder.Property(u => u.DisplayName).HasMaxLength(200);
        builder.HasIndex(u => u.PersonId);
        builder.HasIndex(u => u.EmployerId);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Domain.Auditing;
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
        builder.HasIndex(a => new { a.EntityType, a.EntityId });
        builder.HasIndex(a => a.At);
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

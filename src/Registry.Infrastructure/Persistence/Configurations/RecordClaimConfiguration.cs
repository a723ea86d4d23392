using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Domain.Claims;

namespace Registry.Infrastructure.Persistence.Configurations;

internal sealed class RecordClaimConfiguration : IEntityTypeConfiguration<RecordClaim>
{
    public void Configure(EntityTypeBuilder<RecordClaim> builder)
    {
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Email).HasMaxLength(256);
        builder.Property(c => c.TokenHash).HasMaxLength(64);
        builder.HasIndex(c => c.TokenHash).IsUnique();
        builder.HasIndex(c => new { c.PersonId, c.ExpiresAt });
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Domain.Workforce;

namespace Registry.Infrastructure.Persistence.Configurations;

internal sealed class OpenDataReleaseConfiguration : IEntityTypeConfiguration<OpenDataRelease>
{
    public void Configure(EntityTypeBuilder<OpenDataRelease> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasIndex(r => r.Month).IsUnique(); // what makes the monthly job idempotent
    }
}

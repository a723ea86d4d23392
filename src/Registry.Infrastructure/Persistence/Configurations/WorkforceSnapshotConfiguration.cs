using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Domain.Workforce;

namespace Registry.Infrastructure.Persistence.Configurations;

internal sealed class WorkforceSnapshotConfiguration : IEntityTypeConfiguration<WorkforceSnapshot>
{
    public void Configure(EntityTypeBuilder<WorkforceSnapshot> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasIndex(s => new { s.Month, s.StateCode }).IsUnique(); // what makes the monthly job idempotent
        builder.HasIndex(s => new { s.StateCode, s.Month });
    }
}

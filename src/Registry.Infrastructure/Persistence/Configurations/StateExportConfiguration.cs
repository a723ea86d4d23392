using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Domain.Jurisdictions;

namespace Registry.Infrastructure.Persistence.Configurations;

internal sealed class StateExportConfiguration : IEntityTypeConfiguration<StateExport>
{
    public void Configure(EntityTypeBuilder<StateExport> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.HasOne<Jurisdiction>().WithMany().HasForeignKey(e => e.StateCode).OnDelete(DeleteBehavior.Restrict);
        builder.Property(e => e.CurrentFile).HasMaxLength(200);
        builder.Property(e => e.FinishedParts).HasMaxLength(4000);
        builder.Property(e => e.StorageKey).HasMaxLength(300);
        builder.Property(e => e.Problem).HasMaxLength(StateExport.MaximumProblemLength);
        builder.Ignore(e => e.FinishedPartRows);
        builder.Ignore(e => e.IsFinished);
        builder.HasIndex(e => new { e.StateCode, e.RequestedAt });
        builder.HasIndex(e => e.ExpiresAt);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Infrastructure.Exports.Workforce;

namespace Registry.Infrastructure.Persistence.Configurations;

internal sealed class WorkforceLedgerConfiguration : IEntityTypeConfiguration<WorkforceLedgerEntry>
{
    public void Configure(EntityTypeBuilder<WorkforceLedgerEntry> builder)
    {
        builder.ToTable(WorkforceLedger.Table);
        // The key is what the ledger's statements add into: one row per day, state, program, residence and measure.
        builder.HasKey(e => new { e.Day, e.StateCode, e.ProgramId, e.ResidenceState, e.County, e.Part, e.What });
        builder.Property(e => e.StateCode).HasMaxLength(2);
        builder.Property(e => e.ResidenceState).HasMaxLength(2);
        builder.Property(e => e.County).HasMaxLength(100);
        builder.Property(e => e.Part).HasMaxLength(8);
        builder.Property(e => e.What).HasMaxLength(32);
    }
}

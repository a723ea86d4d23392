using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Domain.Employers;

namespace Registry.Infrastructure.Persistence.Configurations;

internal sealed class RosterVerificationConfiguration : IEntityTypeConfiguration<RosterVerification>
{
    public void Configure(EntityTypeBuilder<RosterVerification> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasOne<Employer>().WithMany().HasForeignKey(r => r.EmployerId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.FileName).HasMaxLength(255);
        builder.Property(r => r.Problem).HasMaxLength(RosterVerification.MaximumProblemLength);
        builder.Ignore(r => r.IsFinished);
        builder.HasIndex(r => r.EmployerId);
        builder.HasIndex(r => r.ExpiresAt);
    }
}

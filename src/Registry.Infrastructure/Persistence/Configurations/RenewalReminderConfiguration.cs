using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Domain.Credentials;
using Registry.Domain.Notifications;

namespace Registry.Infrastructure.Persistence.Configurations;

internal sealed class RenewalReminderConfiguration : IEntityTypeConfiguration<RenewalReminder>
{
    public void Configure(EntityTypeBuilder<RenewalReminder> builder)
    {
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasOne<Credential>().WithMany().HasForeignKey(r => r.CredentialId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.CredentialId, r.CycleExpiresOn, r.DaysBefore }).IsUnique();
        builder.HasIndex(r => r.RunId);
    }
}

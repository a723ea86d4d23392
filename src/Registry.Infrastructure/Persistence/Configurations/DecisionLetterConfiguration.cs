using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Domain.Applications;
using Registry.Domain.Credentials;
using Registry.Domain.Documents;
using Registry.Domain.Notifications;
using Registry.Domain.People;

namespace Registry.Infrastructure.Persistence.Configurations;

internal sealed class DecisionLetterConfiguration : IEntityTypeConfiguration<DecisionLetter>
{
    public void Configure(EntityTypeBuilder<DecisionLetter> builder)
    {
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.FileName).HasMaxLength(120);
        builder.HasOne<Person>().WithMany().HasForeignKey(l => l.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CertificationApplication>().WithMany().HasForeignKey(l => l.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Credential>().WithMany().HasForeignKey(l => l.CredentialId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DisciplineCase>().WithMany().HasForeignKey(l => l.DisciplineCaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Notification>().WithMany().HasForeignKey(l => l.NotificationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => l.ApplicationId);
        builder.HasIndex(l => l.CredentialId);
        builder.HasIndex(l => l.NotificationId);
    }
}

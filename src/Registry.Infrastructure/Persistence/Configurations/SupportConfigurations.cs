using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Domain.Confirmations;
using Registry.Domain.Documents;
using Registry.Domain.Exams;
using Registry.Domain.Jurisdictions;
using Registry.Domain.Notifications;
using Registry.Domain.People;

namespace Registry.Infrastructure.Persistence.Configurations;

internal sealed class ExamAttemptConfiguration : IEntityTypeConfiguration<ExamAttempt>
{
    public void Configure(EntityTypeBuilder<ExamAttempt> builder)
    {
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.HasOne<Person>().WithMany().HasForeignKey(e => e.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CredentialProgram>().WithMany().HasForeignKey(e => e.ProgramId).OnDelete(DeleteBehavior.Restrict);
        // One sitting a day: importing the vendor's file twice finds the same rows.
        builder.HasIndex(e => new { e.PersonId, e.ProgramId, e.TakenOn }).IsUnique();
    }
}

internal sealed class EvidenceDocumentConfiguration : IEntityTypeConfiguration<EvidenceDocument>
{
    public void Configure(EntityTypeBuilder<EvidenceDocument> builder)
    {
        builder.ToTable("Documents");
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.FileName).HasMaxLength(120);
        builder.Property(d => d.Sha256).HasMaxLength(64);
        builder.Property(d => d.StorageKey).HasMaxLength(200);
        builder.Ignore(d => d.ContentType);
        builder.HasOne<Person>().WithMany().HasForeignKey(d => d.OwnerPersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.RecipientEmail).HasMaxLength(256);
        builder.Property(n => n.Template).HasMaxLength(64);
        builder.Property(n => n.Language).HasMaxLength(16);
        builder.Property(n => n.DeduplicationKey).HasMaxLength(200);
        builder.Property(n => n.LastError).HasMaxLength(2000);
        // A number, so that the dispatcher's ORDER BY puts Immediate before Bulk.
        builder.Property(n => n.Priority).HasConversion<int>();
        // The dispatcher's query: unsent, not given up, due by now, by priority then earliest first; and "sent in the last minute".
        builder.HasIndex(n => new { n.SentAt, n.FailedAt, n.Priority, n.NextAttemptAt });
        // The account-mail cap: mails of one kind to one address in the last hour.
        builder.HasIndex(n => new { n.RecipientEmail, n.Template, n.CreatedAt });
    }
}

internal sealed class ConfirmationRequestConfiguration : IEntityTypeConfiguration<ConfirmationRequest>
{
    public void Configure(EntityTypeBuilder<ConfirmationRequest> builder)
    {
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Email).HasMaxLength(256);
        builder.HasIndex(c => c.ApplicationId);
    }
}

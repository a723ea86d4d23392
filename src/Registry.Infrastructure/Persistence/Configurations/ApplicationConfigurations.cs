using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Domain.Applications;
using Registry.Domain.Credentials;
using Registry.Domain.Jurisdictions;
using Registry.Domain.People;

namespace Registry.Infrastructure.Persistence.Configurations;

internal sealed class CertificationApplicationConfiguration : IEntityTypeConfiguration<CertificationApplication>
{
    public void Configure(EntityTypeBuilder<CertificationApplication> builder)
    {
        builder.ToTable("Applications");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CredentialProgram>().WithMany().HasForeignKey(a => a.ProgramId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.DecisionReason).HasMaxLength(4000);
        builder.Property(a => a.WaiverReason).HasMaxLength(4000);
        builder.Property(a => a.EndorsementCode).HasMaxLength(EndorsementDefinition.CodeMaxLength);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Ignore(a => a.IsOpen);
        builder.HasIndex(a => new { a.ProgramId, a.Status });
        builder.HasOne<Credential>().WithMany().HasForeignKey(a => a.CredentialId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.CredentialId, a.Status });
        builder.HasMany(a => a.History).WithOne().HasForeignKey(h => h.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.History).HasField("_history");
        builder.Ignore(a => a.IsEditable);
        builder.Ignore(a => a.DomainEvents);
        builder.HasMany(a => a.TrainingRecords).WithOne().HasForeignKey(r => r.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.TrainingRecords).HasField("_trainingRecords");
        builder.HasMany(a => a.WorkExperience).WithOne().HasForeignKey(r => r.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.WorkExperience).HasField("_workExperience");
        builder.HasMany(a => a.SupervisionLogs).WithOne().HasForeignKey(r => r.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.SupervisionLogs).HasField("_supervisionLogs");
        builder.HasMany(a => a.References).WithOne().HasForeignKey(r => r.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.References).HasField("_references");
        builder.HasMany(a => a.Attestations).WithOne().HasForeignKey(r => r.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Attestations).HasField("_attestations");
        builder.HasMany(a => a.ContinuingEducation).WithOne().HasForeignKey(r => r.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.ContinuingEducation).HasField("_continuingEducation");
        builder.Ignore(a => a.IsContinuing);
        builder.HasMany(a => a.Appeals).WithOne().HasForeignKey(r => r.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Appeals).HasField("_appeals");
        builder.Ignore(a => a.CurrentAppeal);
    }
}

internal sealed class ApplicationAppealConfiguration : IEntityTypeConfiguration<ApplicationAppeal>
{
    public void Configure(EntityTypeBuilder<ApplicationAppeal> builder)
    {
        builder.ToTable("Appeals");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Statement).HasMaxLength(ApplicationAppeal.StatementMaxLength);
        builder.Property(a => a.DecisionReason).HasMaxLength(4000);
        builder.Ignore(a => a.IsOpen);
        // The staff queue reads open appeals oldest first.
        builder.HasIndex(a => new { a.Status, a.FiledAt });
    }
}

internal sealed class ApplicationStatusChangeConfiguration : IEntityTypeConfiguration<ApplicationStatusChange>
{
    public void Configure(EntityTypeBuilder<ApplicationStatusChange> builder)
    {
        builder.ToTable("ApplicationHistory");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.Reason).HasMaxLength(4000);
        // The workforce export finds a period's decisions by status and date, and the changes since a day by date (with
        // what it reads of them, so neither visits the table).
        builder.HasIndex(h => new { h.To, h.At, h.ApplicationId });
        builder.HasIndex(h => new { h.At, h.ApplicationId, h.From, h.Id });
    }
}

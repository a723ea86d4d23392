using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Domain.Applications;
using Registry.Domain.Attestations;
using Registry.Domain.Documents;

namespace Registry.Infrastructure.Persistence.Configurations;

internal sealed class TrainingRecordConfiguration : IEntityTypeConfiguration<TrainingRecord>
{
    public void Configure(EntityTypeBuilder<TrainingRecord> builder)
    {
        builder.ToTable("TrainingRecords");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Course).HasMaxLength(200);
        builder.Property(r => r.Provider).HasMaxLength(200);
        builder.Property(r => r.DomainCode).HasMaxLength(32);
        builder.Property(r => r.ReviewReason).HasMaxLength(2000);
        builder.HasOne<EvidenceDocument>().WithMany().HasForeignKey(r => r.EvidenceDocumentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ContinuingEducationRecordConfiguration : IEntityTypeConfiguration<ContinuingEducationRecord>
{
    public void Configure(EntityTypeBuilder<ContinuingEducationRecord> builder)
    {
        builder.ToTable("ContinuingEducationRecords");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Course).HasMaxLength(200);
        builder.Property(r => r.Provider).HasMaxLength(200);
        builder.Property(r => r.ReviewReason).HasMaxLength(2000);
        builder.HasOne<EvidenceDocument>().WithMany().HasForeignKey(r => r.EvidenceDocumentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class WorkExperienceConfiguration : IEntityTypeConfiguration<WorkExperience>
{
    public void Configure(EntityTypeBuilder<WorkExperience> builder)
    {
        builder.ToTable("WorkExperience");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Organisation).HasMaxLength(200);
        builder.Property(r => r.Role).HasMaxLength(200);
        builder.Property(r => r.ReviewReason).HasMaxLength(2000);
    }
}

internal sealed class SupervisionLogConfiguration : IEntityTypeConfiguration<SupervisionLog>
{
    public void Configure(EntityTypeBuilder<SupervisionLog> builder)
    {
        builder.ToTable("SupervisionLogs");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Topics).HasMaxLength(2000);
        builder.Property(r => r.SupervisorName).HasMaxLength(200);
        builder.Property(r => r.SupervisorCredential).HasMaxLength(100);
        builder.Property(r => r.SupervisorEmail).HasMaxLength(256);
        builder.Property(r => r.SupervisorStatement).HasMaxLength(4000);
        builder.Ignore(r => r.IsConfirmed);
    }
}

internal sealed class ReferenceConfiguration : IEntityTypeConfiguration<Reference>
{
    public void Configure(EntityTypeBuilder<Reference> builder)
    {
        builder.ToTable("ApplicationReferences");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.RefereeName).HasMaxLength(200);
        builder.Property(r => r.RefereeEmail).HasMaxLength(256);
        builder.Property(r => r.Relationship).HasMaxLength(200);
        builder.Property(r => r.Statement).HasMaxLength(4000);
        builder.Ignore(r => r.IsConfirmed);
    }
}

internal sealed class SignedAttestationConfiguration : IEntityTypeConfiguration<SignedAttestation>
{
    public void Configure(EntityTypeBuilder<SignedAttestation> builder)
    {
        builder.ToTable("SignedAttestations");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Code).HasMaxLength(64);
        builder.Property(a => a.Title).HasMaxLength(200);
        builder.Property(a => a.Statement).HasMaxLength(4000);
        builder.HasIndex(a => new { a.ApplicationId, a.Code }).IsUnique();
        builder.HasOne<AttestationWording>().WithMany().HasForeignKey(a => a.WordingId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AttestationWordingConfiguration : IEntityTypeConfiguration<AttestationWording>
{
    public void Configure(EntityTypeBuilder<AttestationWording> builder)
    {
        builder.Property(w => w.Id).ValueGeneratedNever();
        builder.Property(w => w.Code).HasMaxLength(64);
        builder.Property(w => w.Title).HasMaxLength(200);
        builder.HasIndex(w => new { w.Code, w.Version }).IsUnique();
    }
}

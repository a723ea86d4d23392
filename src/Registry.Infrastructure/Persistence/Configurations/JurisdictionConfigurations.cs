using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Domain.Jurisdictions;

namespace Registry.Infrastructure.Persistence.Configurations;

internal sealed class JurisdictionConfiguration : IEntityTypeConfiguration<Jurisdiction>
{
    public void Configure(EntityTypeBuilder<Jurisdiction> builder)
    {
        builder.HasKey(j => j.Code);
        builder.Property(j => j.Name).HasMaxLength(100);
        builder.Property(j => j.TimeZone).HasMaxLength(64);
        builder.Property(j => j.ContactEmail).HasMaxLength(256);
        builder.Property(j => j.ContactPhone).HasMaxLength(32);
        builder.Property(j => j.BoardName).HasMaxLength(200);
        builder.Property(j => j.MailingAddress).HasMaxLength(300);
        builder.Property(j => j.WebAddress).HasMaxLength(300);
        builder.Ignore(j => j.Contact);
        builder.HasMany(j => j.Programs).WithOne().HasForeignKey(p => p.StateCode).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(j => j.Programs).HasField("_programs");
    }
}

internal sealed class CredentialProgramConfiguration : IEntityTypeConfiguration<CredentialProgram>
{
    public void Configure(EntityTypeBuilder<CredentialProgram> builder)
    {
        builder.ToTable("Programs");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Code).HasMaxLength(12);
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.RetirementReason).HasMaxLength(CredentialProgram.RetirementReasonMaxLength);
        builder.HasIndex(p => new { p.StateCode, p.Code }).IsUnique();
        builder.Property(p => p.Version).IsConcurrencyToken();
        // Requirements are one document of data per program, so a state's rules change without a migration.
        builder.OwnsOne(p => p.Requirements, requirements =>
        {
            requirements.ToJson();
            requirements.OwnsMany(r => r.TrainingDomains);
            requirements.OwnsOne(r => r.Exam);
            requirements.OwnsMany(r => r.Fees);
            requirements.OwnsMany(r => r.Endorsements);
        });
    }
}

internal sealed class ProgramRequirementsVersionConfiguration : IEntityTypeConfiguration<ProgramRequirementsVersion>
{
    public void Configure(EntityTypeBuilder<ProgramRequirementsVersion> builder)
    {
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.HasOne<CredentialProgram>().WithMany().HasForeignKey(v => v.ProgramId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(v => new { v.ProgramId, v.Version }).IsUnique();
        builder.OwnsOne(v => v.Requirements, requirements =>
        {
            requirements.ToJson();
            requirements.OwnsMany(r => r.TrainingDomains);
            requirements.OwnsOne(r => r.Exam);
            requirements.OwnsMany(r => r.Fees);
            requirements.OwnsMany(r => r.Endorsements);
        });
    }
}

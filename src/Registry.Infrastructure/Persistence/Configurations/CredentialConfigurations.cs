using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Domain.Credentials;
using Registry.Domain.Fees;
using Registry.Domain.Jurisdictions;
using Registry.Domain.People;

namespace Registry.Infrastructure.Persistence.Configurations;

internal sealed class CredentialConfiguration : IEntityTypeConfiguration<Credential>
{
    public void Configure(EntityTypeBuilder<Credential> builder)
    {
        builder.Ignore(c => c.DomainEvents);
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Number)
            .HasConversion(n => n.Value, v => ParseStored(v))
            .HasMaxLength(24);
        builder.HasIndex(c => c.Number).IsUnique();
        builder.HasOne<CredentialProgram>().WithMany().HasForeignKey(c => c.ProgramId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.HolderPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.ProbationConditions).HasMaxLength(4000);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => new { c.StateCode, c.Status });
        builder.HasIndex(c => c.ExpiresOn);
        builder.HasMany(c => c.History).WithOne().HasForeignKey(e => e.CredentialId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.History).HasField("_history");
        builder.HasMany(c => c.Endorsements).WithOne().HasForeignKey(e => e.CredentialId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Endorsements).HasField("_endorsements");
    }

    private static CredentialNumber ParseStored(string value) =>
        CredentialNumber.TryParse(value, out var number) ? number! : throw new InvalidOperationException($"Stored credential number '{value}' is malformed.");
}

internal sealed class CredentialEventConfiguration : IEntityTypeConfiguration<CredentialEvent>
{
    public void Configure(EntityTypeBuilder<CredentialEvent> builder)
    {
        builder.ToTable("CredentialHistory");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Reason).HasMaxLength(4000);
        builder.Property(e => e.EndorsementCode).HasMaxLength(EndorsementDefinition.CodeMaxLength);
        builder.HasIndex(e => new { e.CredentialId, e.Sequence }).IsUnique();
        builder.HasIndex(e => new { e.EffectiveOn, e.Kind });
        builder.HasIndex(e => e.RecordedAt); // the watch-list job looks at recent entries
        builder.Ignore(e => e.IsPublicAction);
        builder.HasOne<RegisterImport>().WithMany().HasForeignKey(e => e.RegisterImportId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CredentialEndorsementConfiguration : IEntityTypeConfiguration<CredentialEndorsement>
{
    public void Configure(EntityTypeBuilder<CredentialEndorsement> builder)
    {
        builder.ToTable("CredentialEndorsements");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Code).HasMaxLength(EndorsementDefinition.CodeMaxLength);
        builder.Property(e => e.WithdrawalReason).HasMaxLength(CredentialEndorsement.ReasonMaxLength);
        builder.HasIndex(e => new { e.CredentialId, e.Code });
        builder.HasIndex(e => new { e.Code, e.GrantedOn }); // workforce counts by endorsement on a day
    }
}

internal sealed class RegisterImportConfiguration : IEntityTypeConfiguration<RegisterImport>
{
    public void Configure(EntityTypeBuilder<RegisterImport> builder)
    {
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.FileName).HasMaxLength(255);
        builder.Property(i => i.FileHash).HasMaxLength(64);
        builder.Property(i => i.Problem).HasMaxLength(RegisterImport.MaximumProblemLength);
        builder.Ignore(i => i.DocumentKey);
        builder.Ignore(i => i.IsRunning);
        builder.Ignore(i => i.CanBeImported);
        builder.HasIndex(i => new { i.StateCode, i.SubmittedAt });
    }
}

internal sealed class RegisterImportLineConfiguration : IEntityTypeConfiguration<RegisterImportLine>
{
    public void Configure(EntityTypeBuilder<RegisterImportLine> builder)
    {
        builder.ToTable("RegisterImportReport");
        builder.HasKey(l => new { l.RegisterImportId, l.Row });
        builder.HasOne<RegisterImport>().WithMany().HasForeignKey(l => l.RegisterImportId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(l => l.Message).HasMaxLength(RegisterImportLine.MaximumMessageLength);
        builder.Ignore(l => l.IsProblem);
        builder.HasIndex(l => new { l.RegisterImportId, l.Outcome, l.Row });
    }
}

internal sealed class DisciplineCaseConfiguration : IEntityTypeConfiguration<DisciplineCase>
{
    public void Configure(EntityTypeBuilder<DisciplineCase> builder)
    {
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.HasOne<Credential>().WithMany().HasForeignKey(c => c.CredentialId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.Notice).HasMaxLength(4000);
        builder.Property(c => c.HolderResponse).HasMaxLength(4000);
        builder.Property(c => c.DecisionNotes).HasMaxLength(4000);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.IsOpen);
        builder.HasIndex(c => c.CredentialId);
    }
}

internal sealed class PrintedCertificateOrderConfiguration : IEntityTypeConfiguration<PrintedCertificateOrder>
{
    public void Configure(EntityTypeBuilder<PrintedCertificateOrder> builder)
    {
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.CancellationReason).HasMaxLength(PrintedCertificateOrder.ReasonMaxLength);
        builder.OwnsOne(o => o.PostTo, address =>
        {
            address.Property(a => a.Line1).HasMaxLength(200);
            address.Property(a => a.Line2).HasMaxLength(200);
            address.Property(a => a.City).HasMaxLength(100);
            address.Property(a => a.County).HasMaxLength(100);
            address.Property(a => a.PostalCode).HasMaxLength(10);
        });
        builder.Navigation(o => o.PostTo).IsRequired();
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.HasOne<Credential>().WithMany().HasForeignKey(o => o.CredentialId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Fee>().WithMany().HasForeignKey(o => o.FeeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => new { o.StateCode, o.Status, o.OrderedAt });
        builder.HasIndex(o => o.CredentialId);
        builder.HasIndex(o => o.FeeId);
    }
}

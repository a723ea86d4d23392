using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Domain.People;

namespace Registry.Infrastructure.Persistence.Configurations;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ToTable("People");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.LegalFirstName).HasMaxLength(100);
        builder.Property(p => p.LegalLastName).HasMaxLength(100);
        builder.Property(p => p.PreferredName).HasMaxLength(100);
        builder.Property(p => p.Email).HasMaxLength(256);
        builder.Property(p => p.Phone).HasMaxLength(32);
        builder.Property(p => p.Npi).HasMaxLength(10).IsUnicode(false);
        builder.HasIndex(p => p.LegalLastName);
        builder.HasIndex(p => p.Email);
        builder.Ignore(p => p.PublicName);
        builder.OwnsOne(p => p.MailingAddress, address =>
        {
            address.Property(a => a.Line1).HasMaxLength(200);
            address.Property(a => a.Line2).HasMaxLength(200);
            address.Property(a => a.City).HasMaxLength(100);
            address.Property(a => a.County).HasMaxLength(100);
            address.Property(a => a.PostalCode).HasMaxLength(10);
        });
        builder.HasMany(p => p.ResidenceHistory).WithOne().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.ResidenceHistory).HasField("_residenceHistory");
    }
}

internal sealed class ResidenceChangeConfiguration : IEntityTypeConfiguration<ResidenceChange>
{
    public void Configure(EntityTypeBuilder<ResidenceChange> builder)
    {
        builder.ToTable("ResidenceHistory");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.County).HasMaxLength(100);
        builder.HasIndex(r => new { r.PersonId, r.Sequence }).IsUnique();
    }
}

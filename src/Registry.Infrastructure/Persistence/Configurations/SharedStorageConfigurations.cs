using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Infrastructure.Documents;

namespace Registry.Infrastructure.Persistence.Configurations;

// These tables belong to the registry's model (so its migrations create them) and are read and written
// through SharedStorageDbContext, which applies the same configurations.

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> builder) => builder.ToTable("DataProtectionKeys");
}

internal sealed class StoredDocumentConfiguration : IEntityTypeConfiguration<StoredDocument>
{
    public void Configure(EntityTypeBuilder<StoredDocument> builder)
    {
        builder.ToTable("StoredDocuments");
        builder.HasKey(d => d.Key);
        builder.Property(d => d.Key).HasMaxLength(StoredDocument.MaximumKeyLength);
        builder.HasMany<StoredDocumentChunk>().WithOne().HasForeignKey(c => c.Key).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StoredDocumentChunkConfiguration : IEntityTypeConfiguration<StoredDocumentChunk>
{
    public void Configure(EntityTypeBuilder<StoredDocumentChunk> builder)
    {
        builder.ToTable("StoredDocumentChunks");
        builder.HasKey(c => new { c.Key, c.Index });
        builder.Property(c => c.Key).HasMaxLength(StoredDocument.MaximumKeyLength);
    }
}

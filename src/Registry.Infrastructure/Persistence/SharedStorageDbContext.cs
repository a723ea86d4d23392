using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Registry.Infrastructure.Documents;
using Registry.Infrastructure.Persistence.Configurations;

namespace Registry.Infrastructure.Persistence;

/// <summary>
/// What every web server shares besides the registry's records: the Data Protection keys (sign-in cookies,
/// anti-forgery tokens, signed links) and the bytes of evidence documents. The tables are part of the registry's
/// model and migrations; this small context, on the same database but neither pooled nor audited, only reads and
/// writes them, so the stores never join (or wait on) a request's own context and unit of work.
/// </summary>
public sealed class SharedStorageDbContext(DbContextOptions<SharedStorageDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<StoredDocument> StoredDocuments => Set<StoredDocument>();
    public DbSet<StoredDocumentChunk> StoredDocumentChunks => Set<StoredDocumentChunk>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        builder.ApplyConfiguration(new DataProtectionKeyConfiguration());
        builder.ApplyConfiguration(new StoredDocumentConfiguration());
        builder.ApplyConfiguration(new StoredDocumentChunkConfiguration());
    }
}

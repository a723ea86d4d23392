using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Infrastructure.Idempotency;

namespace Registry.Infrastructure.Persistence.Configurations;

internal sealed class IdempotentRequestConfiguration : IEntityTypeConfiguration<IdempotentRequest>
{
    public void Configure(EntityTypeBuilder<IdempotentRequest> builder)
    {
        builder.HasKey(r => new { r.Caller, r.Key }); // one answer per caller and key, whichever web server took the request
        builder.Property(r => r.Caller).HasMaxLength(64);
        builder.Property(r => r.Key).HasMaxLength(IdempotencyStore.MaximumKeyLength);
        builder.Property(r => r.RequestHash).HasMaxLength(64);
        builder.Property(r => r.ContentType).HasMaxLength(256);
        builder.Property(r => r.Location).HasMaxLength(2048);
        builder.HasIndex(r => r.ReceivedAt); // the purge of expired keys
    }
}

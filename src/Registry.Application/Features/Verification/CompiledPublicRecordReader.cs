using Registry.Application.Common.Interfaces;
using Registry.Domain.Credentials;

namespace Registry.Application.Features.Verification;

/// <summary>The read by EF Core's compiled queries: on every provider, from the same projection as the bulk path.</summary>
public sealed class CompiledPublicRecordReader(IRegistryDbContext db) : IPublicRecordReader
{
    public Task<PublicCredentials.Record?> RecordAsync(CredentialNumber number, CancellationToken cancellationToken) =>
        PublicCredentials.CompiledRecordAsync(db, number, cancellationToken);

    public Task<List<PublicAction>> PublicActionsAsync(Guid credentialId, CancellationToken cancellationToken) =>
        PublicCredentials.CompiledPublicActionsAsync(db, credentialId, cancellationToken);
}

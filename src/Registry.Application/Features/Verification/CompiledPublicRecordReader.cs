using Registry.Application.Common.Interfaces;
using Registry.Domain.Credentials;

namespace Registry.Application.Features.Verification;

/// <summary>The read by EF Core's compiled queries: on every provider, from the same projection as the bulk path.</summary>
public sealed class CompiledPublicRecordReader(IRegistryDbContext db) : IPublicRecordReader
{
    public Task<PublicCredential?> PublicCredentialAsync(CredentialNumber number, CancellationToken cancellationToken) =>
        PublicCredentials.CompiledPublicCredentialAsync(db, number, cancellationToken);

    public Task<string?> EntityTagAsync(CredentialNumber number, CancellationToken cancellationToken) =>
        PublicCredentials.CompiledEntityTagAsync(db, number, cancellationToken);
}

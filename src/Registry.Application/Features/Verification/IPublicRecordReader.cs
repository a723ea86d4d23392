using Registry.Domain.Credentials;

namespace Registry.Application.Features.Verification;

/// <summary>
/// The one-number read of verification, the registry's busiest path: a credential's record (with what its ETag is made
/// of) and its public actions, each on the connection <see cref="PublicCredentials"/> holds open. By default the
/// compiled EF queries (<see cref="CompiledPublicRecordReader"/>); a provider may send the same two statements straight
/// through its connection instead, where EF Core's query pipeline costs more than the statements do.
/// </summary>
public interface IPublicRecordReader
{
    /// <summary>The record of the credential with the number; null if none has it.</summary>
    Task<PublicCredentials.Record?> RecordAsync(CredentialNumber number, CancellationToken cancellationToken);

    /// <summary>The credential's public actions, by date then order of entry.</summary>
    Task<List<PublicAction>> PublicActionsAsync(Guid credentialId, CancellationToken cancellationToken);
}

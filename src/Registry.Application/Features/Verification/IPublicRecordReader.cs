using Registry.Domain.Credentials;

namespace Registry.Application.Features.Verification;

/// <summary>
/// The one-number read of verification, the registry's busiest path: a credential's public view with its ETag, or the ETag
/// alone, on the connection <see cref="PublicCredentials"/> holds open. By default the
/// compiled EF queries (<see cref="CompiledPublicRecordReader"/>); a provider may send its statements as plain commands on
/// its connection instead, where EF Core's query pipeline costs more than the statements do.
/// </summary>
public interface IPublicRecordReader
{
    /// <summary>The public view of the credential with the number, with its <see cref="PublicCredential.EntityTag"/>; null if none has it.</summary>
    Task<PublicCredential?> PublicCredentialAsync(CredentialNumber number, CancellationToken cancellationToken);

    /// <summary>The tag the public view of the credential with the number has now; null if none has it.</summary>
    Task<string?> EntityTagAsync(CredentialNumber number, CancellationToken cancellationToken);
}

using Registry.Domain.Credentials;

namespace Registry.Application.Features.Verification;

/// <summary>
/// What anyone may know about a credential, and nothing more: the holder's legal name, the number, program,
/// state, status, dates, public disciplinary actions (kind and date, never the reasons) and when the record
/// last changed. Every verification page, endpoint and roster result is built from this one projection.
/// </summary>
public sealed record PublicCredential(
    string CredentialNumber, string HolderName, string ProgramCode, string ProgramName, string State,
    CredentialStatus Status, DateOnly IssuedOn, DateOnly ExpiresOn, IReadOnlyList<PublicAction> PublicActions, DateTimeOffset LastUpdated);

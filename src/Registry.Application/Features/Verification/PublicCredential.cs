using System.Text.Json.Serialization;
using Registry.Domain.Credentials;

namespace Registry.Application.Features.Verification;

/// <summary>
/// What anyone may know about a credential, and nothing more: the holder's legal name, the number, program,
/// state, status, dates, public disciplinary actions (kind and date, never the reasons), the holder's NPI when they
/// recorded one, its specialty endorsements, and when the record last changed. Every verification page, endpoint and roster result is built from this one projection.
/// </summary>
/// <param name="StatusSince">The day the credential took its present status (e.g. the day a suspension began); null when never moved since issue.</param>
/// <param name="GraceEndsOn">For an expired credential, the last day its holder may still renew it; null otherwise.</param>
public sealed record PublicCredential(
    string CredentialNumber, string HolderName, string ProgramCode, string ProgramName, string State,
    CredentialStatus Status, DateOnly IssuedOn, DateOnly ExpiresOn, IReadOnlyList<PublicAction> PublicActions, DateTimeOffset LastUpdated)
{
    /// <summary>The state's name, such as Pennsylvania.</summary>
    public string StateName { get; init; } = State;

    public DateOnly? StatusSince { get; init; }

    public DateOnly? GraceEndsOn { get; init; }

    /// <summary>The holder's individual National Provider Identifier, when they have recorded one (public in NPPES too).</summary>
    public string? Npi { get; init; }

    /// <summary><c>175T00000X</c> (peer specialist) when the holder's NPI carries that taxonomy; null otherwise.</summary>
    public string? NpiTaxonomy { get; init; }

    /// <summary>The credential's specialty endorsements (code, name, status, since), withdrawn and ended ones included; empty when it has none.</summary>
    public IReadOnlyList<PublicEndorsement> Endorsements { get; init; } = [];

    /// <summary>
    /// For a lookup of one number: a hash of everything this view is made of, which changes whenever any of it does
    /// (the API's ETag). Null where many are loaded at once.
    /// </summary>
    [JsonIgnore]
    public string? EntityTag { get; init; }
}

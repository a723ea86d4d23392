using Registry.Domain.Credentials;

namespace Registry.Application.Features.Verification;

/// <summary>
/// A specialty endorsement on a public record: its code and name (the program's), its status (active, withdrawn, or ended
/// with the credential) and the day that status began. Never why it was withdrawn, nor what the holder showed to earn it.
/// </summary>
public sealed record PublicEndorsement(string Code, string Name, EndorsementStatus Status, DateOnly Since)
{
    /// <summary>
    /// The endorsements as the credential's history tells them (entries naming a code, in order), named by <paramref name="names"/>
    /// (a code the program no longer defines keeps its code as its name); <paramref name="statusSince"/> is the day the credential took its status.
    /// </summary>
    internal static IReadOnlyList<PublicEndorsement> FromHistory(IEnumerable<(CredentialEventKind Kind, string? Code, DateOnly EffectiveOn)> entries,
        CredentialStatus credentialStatus, DateOnly? statusSince, IReadOnlyDictionary<string, string>? names = null)
    {
        var latest = new Dictionary<string, (bool Withdrawn, DateOnly On)>(StringComparer.Ordinal);
        foreach (var (kind, code, on) in entries)
        {
            if (code is null) continue;
            if (kind == CredentialEventKind.EndorsementGranted) latest[code] = (false, on);
            else if (kind == CredentialEventKind.EndorsementWithdrawn) latest[code] = (true, on);
        }
        var inForce = credentialStatus is CredentialStatus.Active or CredentialStatus.Probation;
        return latest.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e =>
        {
            var (withdrawn, on) = e.Value;
            var status = withdrawn ? EndorsementStatus.Withdrawn : inForce ? EndorsementStatus.Active : EndorsementStatus.Ended;
            var since = status == EndorsementStatus.Ended && statusSince is { } ended && ended > on ? ended : on;
            return new PublicEndorsement(e.Key, names?.GetValueOrDefault(e.Key) ?? e.Key, status, since);
        }).ToList();
    }
}

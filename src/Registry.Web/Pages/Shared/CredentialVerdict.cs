using System.Globalization;
using Registry.Application.Features.Verification;
using Registry.Domain.Credentials;

namespace Registry.Web.Pages.Shared;

/// <summary>
/// What a verifier needs first: may this person practise? The alert's colour and heading follow the status
/// (green: may practise; yellow: may practise with care or can still renew; red: may not practise after a decision;
/// blue: no longer held, with nothing against the person). Built only from the public record.
/// </summary>
public sealed record CredentialVerdict(string Tone, string Heading, string Explanation)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    /// <summary>Each status in plain words, in the order a verifier meets them; the public glossary lists these.</summary>
    public static readonly IReadOnlyList<(CredentialStatus Status, string Term, string Meaning)> Glossary =
    [
        (CredentialStatus.Active, "Active", "The credential is current. The holder may practise as a peer specialist."),
        (CredentialStatus.Probation, "On probation", "The holder may practise, under conditions set by the state for a period of time."),
        (CredentialStatus.Suspended, "Suspended", "The state has stopped the credential for a time. The holder may not practise until it is reinstated."),
        (CredentialStatus.Expired, "Expired, in grace period", "The credential was not renewed by its expiry date and is not current. The holder can still renew it until the grace period ends."),
        (CredentialStatus.Lapsed, "Lapsed", "The credential expired and the grace period ended without a renewal. The holder may not practise unless it is reinstated."),
        (CredentialStatus.Revoked, "Revoked", "The state has withdrawn the credential for good. The holder may not practise under it."),
        (CredentialStatus.Relinquished, "Relinquished", "The holder chose to give up the credential. It is no longer current; this is not a disciplinary action."),
    ];

    /// <summary>The status's term from the glossary.</summary>
    public static string Term(CredentialStatus status) => Glossary.Single(g => g.Status == status).Term;

    public static CredentialVerdict Of(PublicCredential credential)
    {
        var since = credential.StatusSince is { } day ? Date(day) : null;
        var meaning = Glossary.Single(g => g.Status == credential.Status).Meaning;
        return credential.Status switch
        {
            CredentialStatus.Active => new("success", "Active — may practise", $"{meaning} It is valid until {Date(credential.ExpiresOn)}."),
            CredentialStatus.Probation => new("warning", since is null ? "On probation — may practise under conditions" : $"On probation since {since} — may practise under conditions", meaning),
            CredentialStatus.Suspended => new("error", since is null ? "Suspended — may not practise" : $"Suspended since {since}", meaning),
            CredentialStatus.Expired => credential.GraceEndsOn is { } graceEnds && graceEnds > credential.ExpiresOn
                ? new("warning", $"Expired — in grace until {Date(graceEnds)}", $"The credential expired on {Date(credential.ExpiresOn)} and is not current. The holder can still renew it until {Date(graceEnds)}.")
                : new("warning", $"Expired on {Date(credential.ExpiresOn)}", "The credential was not renewed by its expiry date and is not current."),
            CredentialStatus.Lapsed => new("error", since is null ? "Lapsed — may not practise" : $"Lapsed since {since}", meaning),
            CredentialStatus.Revoked => new("error", since is null ? "Revoked" : $"Revoked on {since}", meaning),
            CredentialStatus.Relinquished => new("info", since is null ? "Relinquished" : $"Relinquished on {since}", meaning),
            _ => throw new ArgumentOutOfRangeException(nameof(credential), credential.Status, "A status with no verdict."),
        };
    }

    public string AlertClass => $"usa-alert usa-alert--{Tone}";

    private static string Date(DateOnly day) => day.ToString("MMMM d, yyyy", English);
}

using Registry.Domain.Credentials;

namespace Registry.Application.Features.Verification;

/// <summary>A public disciplinary action: reprimand, probation, suspension or revocation, and the date it took effect.</summary>
public sealed record PublicAction(CredentialEventKind Kind, DateOnly EffectiveOn)
{
    public string Description => Kind switch
    {
        CredentialEventKind.Reprimanded => "Reprimand",
        CredentialEventKind.ProbationStarted => "Probation",
        CredentialEventKind.Suspended => "Suspension",
        CredentialEventKind.Revoked => "Revocation",
        _ => Kind.ToString(),
    };
}

using Registry.Domain.Common;

namespace Registry.Domain.Credentials;

/// <summary>
/// A specialty endorsement on a credential (e.g. Y, youth, on a Florida CRPS). Its own dates are the grant and,
/// when staff withdraw it, the withdrawal; everything else follows the credential: it is in force on a day when it
/// was granted by then, not withdrawn by then, and the credential was active or on probation that day. So it ends
/// when the credential ends (expires, lapses, is suspended, revoked or relinquished) and is in force again if the
/// credential is renewed in grace or reinstated; a withdrawal is final (a new grant is a new endorsement). Who
/// granted or withdrew it, when and why is in the credential's history (entries naming its code), which is also
/// what tells the holder and watching employers.
/// </summary>
public sealed class CredentialEndorsement
{
    public const int ReasonMaxLength = 500;

    private CredentialEndorsement() { }

    internal CredentialEndorsement(Guid credentialId, string code, DateOnly grantedOn, Guid? applicationId)
    {
        Id = Guid.CreateVersion7();
        CredentialId = credentialId;
        Code = code;
        GrantedOn = grantedOn;
        ApplicationId = applicationId;
    }

    public Guid Id { get; private set; }
    public Guid CredentialId { get; private set; }

    /// <summary>The code of the program's <see cref="Jurisdictions.EndorsementDefinition"/>.</summary>
    public string Code { get; private set; } = "";

    public DateOnly GrantedOn { get; private set; }

    /// <summary>The approved endorsement application that granted it; null when staff recorded it directly.</summary>
    public Guid? ApplicationId { get; private set; }

    public DateOnly? WithdrawnOn { get; private set; }

    /// <summary>Staff's reason for withdrawing it; private to the holder and staff.</summary>
    public string? WithdrawalReason { get; private set; }

    /// <summary>Its status alongside the credential's current status.</summary>
    public EndorsementStatus StatusWith(CredentialStatus credentialStatus) =>
        WithdrawnOn is not null ? EndorsementStatus.Withdrawn
        : credentialStatus is CredentialStatus.Active or CredentialStatus.Probation ? EndorsementStatus.Active
        : EndorsementStatus.Ended;

    /// <summary>Whether it is in force on <paramref name="date"/>, given the credential's status that day (null before it was issued).</summary>
    public bool InForceOn(DateOnly date, CredentialStatus? credentialStatusOn) =>
        GrantedOn <= date && (WithdrawnOn is not { } withdrawn || withdrawn > date)
        && credentialStatusOn is CredentialStatus.Active or CredentialStatus.Probation;

    internal void Withdraw(DateOnly effectiveOn, string reason)
    {
        if (WithdrawnOn is not null) throw new DomainRuleException($"Endorsement {Code} was already withdrawn.");
        if (effectiveOn < GrantedOn) throw new DomainRuleException($"Endorsement {Code} cannot be withdrawn before it was granted ({GrantedOn:yyyy-MM-dd}).");
        WithdrawnOn = effectiveOn;
        WithdrawalReason = reason;
    }
}

/// <summary>An endorsement's status: in force, withdrawn by staff, or ended with its credential.</summary>
public enum EndorsementStatus
{
    Active,
    Withdrawn,
    Ended,
}

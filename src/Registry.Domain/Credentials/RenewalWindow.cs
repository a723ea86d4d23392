using Registry.Domain.Jurisdictions;

namespace Registry.Domain.Credentials;

/// <summary>When a holder may renew: from the program's window before expiry to the end of the grace period after it.</summary>
public readonly record struct RenewalWindow(DateOnly OpensOn, DateOnly ExpiresOn, DateOnly ClosesOn)
{
    public static RenewalWindow For(DateOnly expiresOn, ProgramRequirements rules) =>
        new(expiresOn.AddDays(-rules.RenewalWindowDays), expiresOn, expiresOn.AddDays(rules.GracePeriodDays));

    public bool Contains(DateOnly day) => day >= OpensOn && day <= ClosesOn;

    /// <summary>After the expiry date, still inside the grace period.</summary>
    public bool InGrace(DateOnly day) => day > ExpiresOn && day <= ClosesOn;
}

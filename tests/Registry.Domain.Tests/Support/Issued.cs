using Registry.Domain.Credentials;

namespace Registry.Domain.Tests.Support;

/// <summary>Real credentials issued from Tennessee's CPRS program and driven through their public methods.</summary>
internal static class Issued
{
    public static readonly DateOnly IssuedOn = new(2024, 1, 15);
    public static readonly DateOnly ExpiresOn = IssuedOn.AddMonths(Tennessee.RenewalCycleMonths);
    public static readonly DateTimeOffset Now = new(2024, 1, 15, 12, 0, 0, TimeSpan.Zero);
    public static readonly Guid Staff = Guid.NewGuid();

    /// <summary>Ten days after issue: when the disciplinary states below were entered.</summary>
    public static readonly DateOnly ActedOn = IssuedOn.AddDays(10);

    public static Credential Issue() => Credential.Issue(Tennessee.Cprs(), Guid.NewGuid(), IssuedOn, Staff, Now);

    /// <summary>A fresh credential put into <paramref name="status"/> the way staff and the nightly job would.</summary>
    public static Credential In(CredentialStatus status)
    {
        var credential = Issue();
        switch (status)
        {
            case CredentialStatus.Probation:
                credential.PlaceOnProbation("Monthly supervision reports.", ActedOn.AddMonths(6), ActedOn, Staff, Now);
                break;
            case CredentialStatus.Suspended:
                credential.Suspend("Complaint under investigation.", ActedOn, null, Staff, Now);
                break;
            case CredentialStatus.Expired:
                credential.Expire(ExpiresOn.AddDays(1), Now);
                break;
            case CredentialStatus.Lapsed:
                credential.Expire(ExpiresOn.AddDays(1), Now);
                credential.Lapse(ExpiresOn.AddDays(Tennessee.GracePeriodDays + 1), Tennessee.GracePeriodDays, Now);
                break;
            case CredentialStatus.Revoked:
                credential.Revoke("Falsified training records.", ActedOn, Staff, Now);
                break;
            case CredentialStatus.Relinquished:
                credential.Relinquish(ActedOn, Staff, Now, "Retired.");
                break;
        }
        Assert.Equal(status, credential.Status);
        return credential;
    }

    /// <summary>Placed on probation until six months after its expiry date, then expired on the nightly run.</summary>
    public static Credential ExpiredOnProbation()
    {
        var credential = Issue();
        credential.PlaceOnProbation("Monthly supervision reports.", ExpiresOn.AddMonths(6), ExpiresOn.AddMonths(-3), Staff, Now);
        credential.Expire(ExpiresOn.AddDays(1), Now);
        return credential;
    }

    /// <summary>Placed on probation until two years after its expiry date, then expired and lapsed on the nightly runs.</summary>
    public static Credential LapsedOnProbation()
    {
        var credential = Issue();
        credential.PlaceOnProbation("Monthly supervision reports.", ExpiresOn.AddYears(2), ExpiresOn.AddMonths(-3), Staff, Now);
        credential.Expire(ExpiresOn.AddDays(1), Now);
        credential.Lapse(ExpiresOn.AddDays(Tennessee.GracePeriodDays + 1), Tennessee.GracePeriodDays, Now);
        return credential;
    }
}

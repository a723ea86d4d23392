using Registry.Domain.Applications;
using Registry.Domain.Common;

namespace Registry.Domain.Fees;

/// <summary>What a fee is charged for.</summary>
public enum FeeKind
{
    InitialApplication,
    Reciprocity,
    Exam,
    Renewal,
    LateRenewal,
    Reinstatement,
    ReplacementCertificate,
    /// <summary>An application for a specialty endorsement; free unless the program's schedule sets a rate.</summary>
    Endorsement,
}

/// <summary>Which of a rate's amounts was charged, so the person sees why.</summary>
public enum FeeBasis
{
    Standard,
    HoldsPeerCredential,
    MilitaryOrVeteran,
}

/// <summary>Amounts of money: US dollars, exact decimals with at most two places (cents).</summary>
public static class Money
{
    public const string Currency = "USD";

    /// <summary>No single fee, payment or budget line is more than this.</summary>
    public const decimal Largest = 1_000_000m;

    /// <summary>The amount if it is a sum of money the registry accepts; refused with <paramref name="what"/> named otherwise.</summary>
    public static decimal Check(decimal amount, string what, bool allowZero = true)
    {
        if (amount < 0 || (!allowZero && amount == 0))
            throw new DomainRuleException(allowZero ? $"{what} cannot be negative." : $"{what} must be more than $0.00.");
        if (decimal.Round(amount, 2) != amount) throw new DomainRuleException($"{what} is in dollars and cents: at most two decimal places.");
        if (amount > Largest) throw new DomainRuleException($"{what} is at most {Format(Largest)}.");
        return amount;
    }

    /// <summary>The amount as people read it: $1,234.50.</summary>
    public static string Format(decimal amount) => amount.ToString("$#,##0.00", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The amount in cents, as payment providers take it.</summary>
    public static long ToCents(decimal amount) => (long)(Check(amount, "The amount") * 100m);

    public static decimal FromCents(long cents) => cents / 100m;
}

/// <summary>
/// One line of a program's fee schedule: the amount for one kind of transaction, and the reduced amounts a person
/// qualifies for (already holding a peer credential; serving or having served in the military). Kept inside the
/// program's requirements, so it is versioned with them and a fee is owed from the version in force at submission.
/// </summary>
public sealed class FeeRate
{
    private FeeRate() { }

    public FeeRate(FeeKind kind, decimal amount, decimal? holdsPeerCredentialAmount = null, decimal? militaryOrVeteranAmount = null)
    {
        Kind = kind;
        Amount = Money.Check(amount, "A fee");
        if (holdsPeerCredentialAmount is { } reduced && Money.Check(reduced, "A reduced fee") > amount)
            throw new DomainRuleException("A reduced fee cannot be more than the standard fee.");
        if (militaryOrVeteranAmount is { } military && Money.Check(military, "A military or veteran fee") > amount)
            throw new DomainRuleException("A military or veteran fee cannot be more than the standard fee.");
        HoldsPeerCredentialAmount = holdsPeerCredentialAmount;
        MilitaryOrVeteranAmount = militaryOrVeteranAmount;
    }

    public FeeKind Kind { get; private set; }
    public decimal Amount { get; private set; }

    /// <summary>The amount for a person who already holds an active peer credential (in any state); null when there is no reduction.</summary>
    public decimal? HoldsPeerCredentialAmount { get; private set; }

    /// <summary>The amount for a service member or veteran; null when there is no military rate.</summary>
    public decimal? MilitaryOrVeteranAmount { get; private set; }

    /// <summary>The lowest amount the person qualifies for, and why.</summary>
    public FeeQuote QuoteFor(bool holdsPeerCredential, bool militaryOrVeteran)
    {
        var quote = new FeeQuote(Kind, Amount, FeeBasis.Standard);
        if (holdsPeerCredential && HoldsPeerCredentialAmount is { } reduced && reduced < quote.Amount) quote = quote with { Amount = reduced, Basis = FeeBasis.HoldsPeerCredential };
        if (militaryOrVeteran && MilitaryOrVeteranAmount is { } military && military < quote.Amount) quote = quote with { Amount = military, Basis = FeeBasis.MilitaryOrVeteran };
        return quote;
    }
}

/// <summary>What a person would owe for one transaction, and on what basis.</summary>
public sealed record FeeQuote(FeeKind Kind, decimal Amount, FeeBasis Basis)
{
    public static FeeQuote Nothing(FeeKind kind) => new(kind, 0m, FeeBasis.Standard);

    public bool IsFree => Amount == 0m;
}

public static class FeeKinds
{
    /// <summary>The fee an application of <paramref name="type"/> owes; a renewal submitted in its grace period is a late renewal.</summary>
    public static FeeKind For(ApplicationType type, bool inGracePeriod) => type switch
    {
        ApplicationType.Initial => FeeKind.InitialApplication,
        ApplicationType.Reciprocity => FeeKind.Reciprocity,
        ApplicationType.Renewal => inGracePeriod ? FeeKind.LateRenewal : FeeKind.Renewal,
        ApplicationType.Reinstatement => FeeKind.Reinstatement,
        ApplicationType.Endorsement => FeeKind.Endorsement,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}

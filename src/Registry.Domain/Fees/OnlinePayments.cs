using Registry.Domain.Common;
using Registry.Domain.Jurisdictions;

namespace Registry.Domain.Fees;

public enum CheckoutStatus
{
    Open,
    Completed,
    Expired,
}

/// <summary>
/// A hosted checkout the registry opened at a payment provider for a fee's balance. The person pays on the provider's
/// page; the payment is recorded only when the provider's signed webhook says so, never from the person's return.
/// </summary>
public sealed class PaymentCheckout
{
    public const int ProviderMaxLength = 40;
    public const int ProviderIdMaxLength = 255;
    public const int AddressMaxLength = 2000;

    private PaymentCheckout() { }

    public PaymentCheckout(Fee fee, string provider, string providerSessionId, string paymentAddress, Guid openedByUserId, DateTimeOffset at)
        : this(Guid.CreateVersion7(), fee, provider, providerSessionId, paymentAddress, openedByUserId, at)
    {
    }

    /// <summary>A checkout whose id was chosen before the provider's session was opened (its return address names it).</summary>
    public PaymentCheckout(Guid id, Fee fee, string provider, string providerSessionId, string paymentAddress, Guid openedByUserId, DateTimeOffset at)
    {
        if (fee.Status != FeeStatus.Owed) throw new DomainRuleException("Only an owed fee can be paid.");
        Id = id;
        FeeId = fee.Id;
        StateCode = fee.StateCode;
        Amount = fee.Balance;
        Provider = provider;
        ProviderSessionId = providerSessionId;
        PaymentAddress = paymentAddress;
        OpenedByUserId = openedByUserId;
        OpenedAt = at;
        Status = CheckoutStatus.Open;
    }

    public Guid Id { get; private set; }
    public Guid FeeId { get; private set; }
    public StateCode StateCode { get; private set; }

    /// <summary>The balance the checkout asks for.</summary>
    public decimal Amount { get; private set; }

    /// <summary>The configured provider's name (stripe).</summary>
    public string Provider { get; private set; } = "";

    public string ProviderSessionId { get; private set; } = "";

    /// <summary>The provider's page where the person pays.</summary>
    public string PaymentAddress { get; private set; } = "";

    public Guid OpenedByUserId { get; private set; }
    public DateTimeOffset OpenedAt { get; private set; }
    public CheckoutStatus Status { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    public void Complete(DateTimeOffset at)
    {
        Status = CheckoutStatus.Completed;
        ClosedAt = at;
    }

    public void Expire(DateTimeOffset at)
    {
        if (Status != CheckoutStatus.Open) return;
        Status = CheckoutStatus.Expired;
        ClosedAt = at;
    }
}

/// <summary>
/// A webhook event from a payment provider, kept by its id so each is applied exactly once: a replayed or duplicate
/// event finds its id taken and changes nothing.
/// </summary>
public sealed class ProviderEvent
{
    public const int TypeMaxLength = 100;
    public const int OutcomeMaxLength = 500;

    private ProviderEvent() { }

    public ProviderEvent(string provider, string providerEventId, string type, DateTimeOffset createdAt, DateTimeOffset receivedAt, string outcome)
    {
        Id = Guid.CreateVersion7();
        Provider = provider;
        ProviderEventId = providerEventId;
        Type = type.Length > TypeMaxLength ? type[..TypeMaxLength] : type;
        CreatedAt = createdAt;
        ReceivedAt = receivedAt;
        Outcome = outcome.Length > OutcomeMaxLength ? outcome[..OutcomeMaxLength] : outcome;
    }

    public Guid Id { get; private set; }
    public string Provider { get; private set; } = "";
    public string ProviderEventId { get; private set; } = "";
    public string Type { get; private set; } = "";

    /// <summary>When the provider says the event happened (events may arrive out of order).</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    /// <summary>What the registry did with it, in plain words (recorded a payment, nothing: already applied, ...).</summary>
    public string Outcome { get; private set; } = "";
}

/// <summary>
/// A payment the provider reported, whether or not it matched a fee: the reconciliation lists the ones that did not
/// (a fee already settled another way, an unknown checkout) for staff to refund or match.
/// </summary>
public sealed class ProviderPayment
{
    private ProviderPayment() { }

    public ProviderPayment(string provider, string providerPaymentId, string? providerSessionId, StateCode? state, decimal amount, string currency,
        DateTimeOffset paidAt, Guid? feeId, Guid? feePaymentId, string? unmatchedBecause)
    {
        Id = Guid.CreateVersion7();
        Provider = provider;
        ProviderPaymentId = providerPaymentId;
        ProviderSessionId = providerSessionId;
        StateCode = state;
        Amount = amount;
        Currency = currency;
        PaidAt = paidAt;
        FeeId = feeId;
        FeePaymentId = feePaymentId;
        UnmatchedBecause = unmatchedBecause;
    }

    public Guid Id { get; private set; }
    public string Provider { get; private set; } = "";
    public string ProviderPaymentId { get; private set; } = "";
    public string? ProviderSessionId { get; private set; }

    /// <summary>The state whose fee the checkout was for; null when the checkout is unknown.</summary>
    public StateCode? StateCode { get; private set; }

    public decimal Amount { get; private set; }
    public string Currency { get; private set; } = Money.Currency;
    public DateTimeOffset PaidAt { get; private set; }
    public Guid? FeeId { get; private set; }

    /// <summary>The payment recorded on the fee; null when the payment matched no owed fee.</summary>
    public Guid? FeePaymentId { get; private set; }

    public string? UnmatchedBecause { get; private set; }

    public bool IsMatched => FeePaymentId is not null;
}

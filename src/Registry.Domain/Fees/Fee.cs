using Registry.Domain.Common;
using Registry.Domain.Jurisdictions;

namespace Registry.Domain.Fees;

public enum FeeStatus
{
    Owed,
    Paid,
    Waived,
    Cancelled,
    Refunded,
}

public enum PaymentMethod
{
    Card,
    Cheque,
    MoneyOrder,
    Voucher,
}

/// <summary>Who paid: the person themselves, or their employer on an invoice.</summary>
public enum Payer
{
    Person,
    Employer,
    Fund,
}

/// <summary>
/// A sum a person owes the board for one transaction (an application, a replacement certificate), from the fee
/// schedule in force when it became owed. Owed until paid in full or waived, or cancelled when the application is
/// withdrawn before any payment; a paid fee may be refunded, partly or fully.
/// </summary>
public sealed class Fee : IHasDomainEvents, IVersioned
{
    public const int ReasonMaxLength = 1000;
    public const int ReferenceMaxLength = 100;

    private readonly List<FeePayment> _payments = [];
    private readonly List<FeeRefund> _refunds = [];
    private readonly List<IDomainEvent> _domainEvents = [];

    private Fee() { }

    public static Fee Owe(StateCode state, Guid programId, Guid personId, FeeQuote quote, int requirementsVersion, DateTimeOffset at,
        Guid? applicationId = null, Guid? credentialId = null)
    {
        if (quote.IsFree) throw new DomainRuleException("Nothing is owed for a transaction the program does not charge for.");
        return new Fee
        {
            Id = Guid.CreateVersion7(),
            StateCode = state,
            ProgramId = programId,
            PersonId = personId,
            ApplicationId = applicationId,
            CredentialId = credentialId,
            Kind = quote.Kind,
            Basis = quote.Basis,
            Amount = Money.Check(quote.Amount, "A fee", allowZero: false),
            RequirementsVersion = requirementsVersion,
            OwedAt = at,
            Status = FeeStatus.Owed,
        };
    }

    public Guid Id { get; private set; }
    public StateCode StateCode { get; private set; }
    public Guid ProgramId { get; private set; }
    public Guid PersonId { get; private set; }

    /// <summary>The application the fee was owed for; null for a fee of a credential (a replacement certificate).</summary>
    public Guid? ApplicationId { get; private set; }

    public Guid? CredentialId { get; private set; }
    public FeeKind Kind { get; private set; }
    public FeeBasis Basis { get; private set; }
    public decimal Amount { get; private set; }

    /// <summary>The version of the program's requirements (and so of its fee schedule) the amount came from.</summary>
    public int RequirementsVersion { get; private set; }

    public DateTimeOffset OwedAt { get; private set; }
    public FeeStatus Status { get; private set; }

    /// <summary>The employer the fee is invoiced to, when one pays for its staff; null while the person pays.</summary>
    public Guid? EmployerId { get; private set; }

    public decimal PaidAmount { get; private set; }
    public decimal RefundedAmount { get; private set; }

    /// <summary>What a waiver covered: the balance when it was granted.</summary>
    public decimal WaivedAmount { get; private set; }

    public Guid? WaiverFundId { get; private set; }
    public string? WaiverReason { get; private set; }
    public Guid? WaivedByUserId { get; private set; }
    public DateTimeOffset? WaivedAt { get; private set; }
    public string? CancellationReason { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }
    public DateTimeOffset? SettledAt { get; private set; }
    public int Version { get; private set; }

    public IReadOnlyList<FeePayment> Payments => _payments;
    public IReadOnlyList<FeeRefund> Refunds => _refunds;
    public IReadOnlyList<IDomainEvent> DomainEvents => _domainEvents;

    public void ClearDomainEvents() => _domainEvents.Clear();

    /// <summary>What is still to pay while the fee is owed; nothing once it is settled or cancelled.</summary>
    public decimal Balance => Status == FeeStatus.Owed ? Amount - PaidAmount : 0m;

    /// <summary>Paid in full or waived (a refund later does not undo that the fee was met).</summary>
    public bool IsSettled => Status is FeeStatus.Paid or FeeStatus.Waived or FeeStatus.Refunded;

    /// <summary>Invoices the fee to an approved employer paying for the person; the person may still pay it themselves.</summary>
    public void InvoiceTo(Guid employerId)
    {
        RequireOwed("invoiced");
        EmployerId = employerId;
    }

    /// <summary>Records money received; a payment of the whole balance settles the fee, a smaller one leaves the rest owed.</summary>
    public FeePayment RecordPayment(decimal amount, PaymentMethod method, Payer payer, string? reference, DateOnly receivedOn, DateTimeOffset at,
        Guid? recordedByUserId, string? providerPaymentId = null, Guid? fundId = null)
    {
        RequireOwed("paid");
        Money.Check(amount, "A payment", allowZero: false);
        if (amount > Balance)
            throw new DomainRuleException($"A payment of {Money.Format(amount)} is more than the {Money.Format(Balance)} still owed.");
        var payment = new FeePayment(Id, amount, method, payer, Reference(reference), receivedOn, at, recordedByUserId, providerPaymentId, fundId);
        _payments.Add(payment);
        PaidAmount += amount;
        if (PaidAmount == Amount) Settle(FeeStatus.Paid, at);
        return payment;
    }

    /// <summary>Waives what is still owed, from a fund when one pays for it; the reason and who decided are kept.</summary>
    public decimal Waive(Guid? fundId, string reason, Guid byUserId, DateTimeOffset at)
    {
        RequireOwed("waived");
        var why = Reason(reason, "Give the reason for the waiver.");
        WaivedAmount = Balance;
        WaiverFundId = fundId;
        WaiverReason = why;
        WaivedByUserId = byUserId;
        WaivedAt = at;
        Settle(FeeStatus.Waived, at);
        return WaivedAmount;
    }

    /// <summary>Nothing is owed any more: the application was withdrawn before any payment.</summary>
    public void Cancel(string reason, DateTimeOffset at)
    {
        RequireOwed("cancelled");
        if (PaidAmount > 0)
            throw new DomainRuleException($"{Money.Format(PaidAmount)} has been paid towards this fee: refund it rather than cancel the fee.");
        CancellationReason = Reason(reason, "Give the reason for cancelling the fee.");
        CancelledAt = at;
        Status = FeeStatus.Cancelled;
    }

    /// <summary>Returns money paid, partly or fully, with the reason; never more than was paid and not yet refunded.</summary>
    /// <remarks>A card payment's money goes back through the payment provider first (<see cref="CardPaymentToRefund"/>);
    /// its refund id then comes here.</remarks>
    public FeeRefund Refund(decimal amount, string reason, Guid byUserId, DateTimeOffset at, string? providerRefundId = null)
    {
        RequireRefundable(amount);
        if (providerRefundId is null && CardRefundable > 0)
            throw new DomainRuleException("This fee was paid by card: the refund goes back to the card through the payment provider first.");
        var refund = new FeeRefund(Id, amount, Reason(reason, "Give the reason for the refund."), byUserId, at, providerRefundId);
        _refunds.Add(refund);
        RefundedAmount += amount;
        Status = FeeStatus.Refunded;
        return refund;
    }

    /// <summary>Paid by card and not yet returned to a card.</summary>
    public decimal CardRefundable =>
        _payments.Where(p => p.ProviderPaymentId is not null).Sum(p => p.Amount) - _refunds.Where(r => r.ProviderRefundId is not null).Sum(r => r.Amount);

    /// <summary>
    /// The card payment a refund of this amount goes back to, or null when nothing was paid by card (the money is returned
    /// by cheque and the refund only recorded). Card money is returned first, one card payment per refund: a refund larger
    /// than what is left on the cards is refused, so the card part and the rest are two refunds.
    /// </summary>
    public FeePayment? CardPaymentToRefund(decimal amount)
    {
        RequireRefundable(amount);
        var onCards = CardRefundable;
        if (onCards <= 0) return null;
        if (amount > onCards)
            throw new DomainRuleException($"At most {Money.Format(onCards)} can go back to the card. Refund that first, then the rest, which was paid another way, as a second refund.");
        return _payments.Where(p => p.ProviderPaymentId is not null).OrderByDescending(p => p.RecordedAt).FirstOrDefault(p => p.Amount >= amount)
            ?? throw new DomainRuleException("No single card payment is as large as this refund: refund each card payment separately.");
    }

    private void RequireRefundable(decimal amount)
    {
        if (Status is not (FeeStatus.Paid or FeeStatus.Refunded))
            throw new DomainRuleException("Only a paid fee can be refunded.");
        Money.Check(amount, "A refund", allowZero: false);
        var refundable = PaidAmount - RefundedAmount;
        if (amount > refundable)
            throw new DomainRuleException($"A refund of {Money.Format(amount)} is more than the {Money.Format(refundable)} paid and not yet refunded.");
    }

    private void Settle(FeeStatus status, DateTimeOffset at)
    {
        Status = status;
        SettledAt = at;
        _domainEvents.Add(new FeeSettled(Id, ApplicationId, PersonId, status, at));
    }

    private void RequireOwed(string what)
    {
        if (Status != FeeStatus.Owed)
            throw new DomainRuleException($"This fee is {Status.ToString().ToLowerInvariant()}, so it cannot be {what}.");
    }

    private static string? Reference(string? reference)
    {
        var trimmed = string.IsNullOrWhiteSpace(reference) ? null : reference.Trim();
        if (trimmed is { Length: > ReferenceMaxLength }) throw new DomainRuleException($"A payment reference is at most {ReferenceMaxLength} characters.");
        return trimmed;
    }

    internal static string Reason(string? reason, string refusal)
    {
        var why = string.IsNullOrWhiteSpace(reason) ? "" : ReadableText.Normalise(reason);
        if (why.Length == 0) throw new DomainRuleException(refusal);
        if (why.Length > ReasonMaxLength) throw new DomainRuleException($"A reason is at most {ReasonMaxLength} characters.");
        return why;
    }
}

/// <summary>Money received towards a fee: online (card, through the payment provider), by cheque or money order, or by voucher.</summary>
public sealed class FeePayment
{
    private FeePayment() { }

    internal FeePayment(Guid feeId, decimal amount, PaymentMethod method, Payer payer, string? reference, DateOnly receivedOn, DateTimeOffset recordedAt,
        Guid? recordedByUserId, string? providerPaymentId, Guid? fundId)
    {
        Id = Guid.CreateVersion7();
        FeeId = feeId;
        Amount = amount;
        Method = method;
        Payer = payer;
        Reference = reference;
        ReceivedOn = receivedOn;
        RecordedAt = recordedAt;
        RecordedByUserId = recordedByUserId;
        ProviderPaymentId = providerPaymentId;
        FundId = fundId;
    }

    public Guid Id { get; private set; }
    public Guid FeeId { get; private set; }
    public decimal Amount { get; private set; }
    public PaymentMethod Method { get; private set; }
    public Payer Payer { get; private set; }

    /// <summary>The cheque or money order number, or the voucher's last characters; null for a card payment.</summary>
    public string? Reference { get; private set; }

    /// <summary>The day the money was received, in the state's calendar.</summary>
    public DateOnly ReceivedOn { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>The staff member who recorded an offline payment; null when the payment provider's webhook recorded it.</summary>
    public Guid? RecordedByUserId { get; private set; }

    /// <summary>The payment provider's id of the payment (Stripe's payment intent), for reconciliation.</summary>
    public string? ProviderPaymentId { get; private set; }

    /// <summary>The fund a voucher drew on.</summary>
    public Guid? FundId { get; private set; }
}

/// <summary>Money returned to whoever paid a fee.</summary>
public sealed class FeeRefund
{
    private FeeRefund() { }

    internal FeeRefund(Guid feeId, decimal amount, string reason, Guid byUserId, DateTimeOffset at, string? providerRefundId)
    {
        Id = Guid.CreateVersion7();
        FeeId = feeId;
        Amount = amount;
        Reason = reason;
        ByUserId = byUserId;
        At = at;
        ProviderRefundId = providerRefundId;
    }

    public Guid Id { get; private set; }
    public Guid FeeId { get; private set; }
    public decimal Amount { get; private set; }
    public string Reason { get; private set; } = "";
    public Guid ByUserId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string? ProviderRefundId { get; private set; }
}

/// <summary>A fee was paid in full or waived: an application waiting for it goes to the review queue.</summary>
public sealed record FeeSettled(Guid FeeId, Guid? ApplicationId, Guid PersonId, FeeStatus Status, DateTimeOffset At) : IDomainEvent;

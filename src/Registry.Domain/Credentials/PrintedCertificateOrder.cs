using Registry.Domain.Common;
using Registry.Domain.Jurisdictions;
using Registry.Domain.People;

namespace Registry.Domain.Credentials;

public enum CertificateOrderStatus
{
    /// <summary>The board charges for a printed certificate, and the fee is not yet paid or waived.</summary>
    AwaitingFee,
    ToPost,
    Posted,
    Cancelled,
}

/// <summary>
/// A holder's order for a printed certificate sent by post: a replacement for one lost or damaged, or a first paper
/// copy. Holders download their certificate free at any time; a board that prints and posts one may charge its
/// replacement-certificate fee, and the order waits for the fee before staff post it. The address is the one the
/// holder gave for this order, kept with it, and private like the holder's own address.
/// </summary>
public sealed class PrintedCertificateOrder : IVersioned
{
    public const int ReasonMaxLength = 500;

    private PrintedCertificateOrder() { }

    public PrintedCertificateOrder(Credential credential, PostalAddress postTo, bool feeOwed, DateTimeOffset at)
    {
        // As for the downloaded certificate: one on probation, suspended or ended has none.
        if (credential.Status != CredentialStatus.Active)
            throw new DomainRuleException("A printed certificate is sent only for a credential that is active.");
        Id = Guid.CreateVersion7();
        CredentialId = credential.Id;
        StateCode = credential.StateCode;
        PersonId = credential.HolderPersonId;
        PostTo = postTo;
        OrderedAt = at;
        Status = feeOwed ? CertificateOrderStatus.AwaitingFee : CertificateOrderStatus.ToPost;
    }

    public Guid Id { get; private set; }
    public Guid CredentialId { get; private set; }
    public StateCode StateCode { get; private set; }
    public Guid PersonId { get; private set; }
    [PrivateData] public PostalAddress PostTo { get; private set; } = null!;
    public DateTimeOffset OrderedAt { get; private set; }
    public CertificateOrderStatus Status { get; private set; }

    /// <summary>The replacement-certificate fee owed for it, when the board charges one.</summary>
    public Guid? FeeId { get; private set; }
    public DateTimeOffset? PostedAt { get; private set; }
    public Guid? PostedByUserId { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }
    public string? CancellationReason { get; private set; }
    public int Version { get; private set; }

    public bool IsOpen => Status is CertificateOrderStatus.AwaitingFee or CertificateOrderStatus.ToPost;

    public void ChargedBy(Guid feeId)
    {
        if (Status != CertificateOrderStatus.AwaitingFee) throw new DomainRuleException("Only an order waiting for its fee is charged a fee.");
        FeeId = feeId;
    }

    /// <summary>The fee was paid or waived: staff can post the certificate.</summary>
    public void FeeSettled()
    {
        if (Status == CertificateOrderStatus.AwaitingFee) Status = CertificateOrderStatus.ToPost;
    }

    public void MarkPosted(Guid byUserId, DateTimeOffset at)
    {
        if (Status != CertificateOrderStatus.ToPost)
            throw new DomainRuleException(Status == CertificateOrderStatus.AwaitingFee
                ? "This order is still waiting for its fee; post the certificate once the fee is paid or waived."
                : $"This order is {Status.ToString().ToLowerInvariant()}, so it cannot be posted.");
        Status = CertificateOrderStatus.Posted;
        PostedAt = at;
        PostedByUserId = byUserId;
    }

    public void Cancel(string reason, DateTimeOffset at)
    {
        if (!IsOpen) throw new DomainRuleException("Only an order not yet posted can be cancelled.");
        var why = string.IsNullOrWhiteSpace(reason) ? "" : reason.Trim();
        if (why.Length == 0) throw new DomainRuleException("Give the reason for cancelling the order.");
        if (why.Length > ReasonMaxLength) throw new DomainRuleException($"A reason is at most {ReasonMaxLength} characters.");
        Status = CertificateOrderStatus.Cancelled;
        CancelledAt = at;
        CancellationReason = why;
    }
}

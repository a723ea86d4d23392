using Registry.Domain.Fees;

namespace Registry.Application.Common.Interfaces;

/// <summary>
/// A payment processor with a hosted checkout (Stripe, or a state's own): the registry asks it for a payment page for a
/// fee's balance, and learns that the person paid only from its signed webhook. Implementations live in Infrastructure;
/// <c>Payments:Provider</c> names the one in use.
/// </summary>
public interface IPaymentProvider
{
    /// <summary>The name configuration uses for it, stored with each checkout and event (stripe).</summary>
    string Name { get; }

    /// <summary>Opens a hosted checkout for an amount in US cents; the provider returns the person to one of the two addresses.</summary>
    Task<ProviderCheckout> CreateCheckoutAsync(CheckoutRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Verifies a webhook delivery's signature over the exact bytes received, at the registry's clock, and reads it.
    /// Throws <see cref="PaymentWebhookRejectedException"/> when the signature is missing, wrong or too old.
    /// </summary>
    PaymentProviderEvent ReadWebhook(string body, string? signature);

    /// <summary>
    /// Returns money on a payment the provider took; the provider's id of the refund. The same idempotency key gives the
    /// same refund, never a second one. Throws <see cref="PaymentRefundRefusedException"/> when the provider refuses or
    /// cannot be reached.
    /// </summary>
    Task<string> RefundAsync(string providerPaymentId, long amountInCents, string reason, string idempotencyKey, CancellationToken cancellationToken);
}

/// <summary>The online payment provider configured, if any.</summary>
public interface IPaymentProviders
{
    /// <summary>The provider people pay through; null when online payment is not offered.</summary>
    IPaymentProvider? Configured { get; }
}

/// <summary>What a checkout is for; the provider keeps the fee and the payer with its session and returns them on its events.</summary>
public sealed record CheckoutRequest(Guid CheckoutId, Guid FeeId, string StateCode, long AmountInCents, string Description, Payer Payer, string SuccessUrl, string CancelUrl);

public sealed record ProviderCheckout(string SessionId, string PaymentUrl);

/// <summary>The kinds of webhook events the registry acts on; any other is kept and answered, nothing more.</summary>
public enum PaymentEventKind
{
    Other,
    CheckoutCompleted,
    CheckoutExpired,
}

/// <summary>A webhook event in the registry's terms, whatever the provider.</summary>
/// <param name="Paid">For a completed checkout: whether the money was taken (a delayed method may complete unpaid).</param>
public sealed record PaymentProviderEvent(string Id, string Type, PaymentEventKind Kind, DateTimeOffset CreatedAt, string? SessionId, string? PaymentId,
    long? AmountInCents, string? Currency, bool Paid, Payer? Payer = null);

/// <summary>A webhook delivery whose signature does not hold: nothing is read from it.</summary>
public sealed class PaymentWebhookRejectedException(string message) : Exception(message);

/// <summary>The provider did not return the money (it refused, or could not be reached); nothing was refunded.</summary>
public sealed class PaymentRefundRefusedException(string message) : Exception(message);

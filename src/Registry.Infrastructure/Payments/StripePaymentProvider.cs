using Registry.Application.Common.Interfaces;
using Registry.Domain.Fees;
using Stripe;
using Stripe.Checkout;

namespace Registry.Infrastructure.Payments;

/// <summary>
/// Stripe's hosted Checkout through the Stripe.net client. <c>Payments:Stripe:ApiBase</c> points the client elsewhere
/// (tests run it against a local stand-in of Stripe's HTTP API); webhooks are verified with Stripe's own scheme at the
/// registry's clock, never the machine's.
/// </summary>
public sealed class StripePaymentProvider(StripeClient client, string webhookSecret, TimeSpan tolerance, TimeProvider clock) : IPaymentProvider
{
    public const string ProviderName = "stripe";

    private const string FeeKey = "fee_id";
    private const string CheckoutKey = "checkout_id";
    private const string PayerKey = "payer";

    public string Name => ProviderName;

    public async Task<ProviderCheckout> CreateCheckoutAsync(CheckoutRequest request, CancellationToken cancellationToken)
    {
        var metadata = new Dictionary<string, string>
        {
            [FeeKey] = request.FeeId.ToString(),
            [CheckoutKey] = request.CheckoutId.ToString(),
            ["state"] = request.StateCode,
            [PayerKey] = request.Payer.ToString(),
        };
        var options = new SessionCreateOptions
        {
            Mode = "payment",
            ClientReferenceId = request.FeeId.ToString(),
            SuccessUrl = request.SuccessUrl,
            CancelUrl = request.CancelUrl,
            Metadata = metadata,
            PaymentIntentData = new SessionPaymentIntentDataOptions { Metadata = metadata },
            LineItems =
            [
                new SessionLineItemOptions
                {
                    Quantity = 1,
                    PriceData = new SessionLineItemPriceDataOptions
                    {
                        Currency = Money.Currency.ToLowerInvariant(),
                        UnitAmount = request.AmountInCents,
                        ProductData = new SessionLineItemPriceDataProductDataOptions { Name = request.Description },
                    },
                },
            ],
        };
        // The checkout's id as the idempotency key: a retried request opens the same session, never a second one.
        var session = await new SessionService(client).CreateAsync(options, new RequestOptions { IdempotencyKey = $"checkout-{request.CheckoutId}" }, cancellationToken);
        return new ProviderCheckout(session.Id, session.Url);
    }

    public PaymentProviderEvent ReadWebhook(string body, string? signature)
    {
        if (string.IsNullOrWhiteSpace(signature)) throw new PaymentWebhookRejectedException("The delivery carries no Stripe-Signature header.");
        Event stripeEvent;
        try
        {
            stripeEvent = EventUtility.ConstructEvent(body, signature, webhookSecret, (long)tolerance.TotalSeconds,
                clock.GetUtcNow().ToUnixTimeSeconds(), throwOnApiVersionMismatch: false);
        }
        catch (StripeException e)
        {
            // Stripe.net's message says which check failed (signature, timestamp); it never contains the secret.
            throw new PaymentWebhookRejectedException(e.Message);
        }
        catch (Newtonsoft.Json.JsonException)
        {
            throw new PaymentWebhookRejectedException("The delivery is not a Stripe event.");
        }

        var created = new DateTimeOffset(DateTime.SpecifyKind(stripeEvent.Created, DateTimeKind.Utc));
        var kind = stripeEvent.Type switch
        {
            EventTypes.CheckoutSessionCompleted or EventTypes.CheckoutSessionAsyncPaymentSucceeded => PaymentEventKind.CheckoutCompleted,
            EventTypes.CheckoutSessionExpired => PaymentEventKind.CheckoutExpired,
            _ => PaymentEventKind.Other,
        };
        if (kind == PaymentEventKind.Other || stripeEvent.Data?.Object is not Session session)
            return new PaymentProviderEvent(stripeEvent.Id, stripeEvent.Type, PaymentEventKind.Other, created, null, null, null, null, false);
        Payer? payer = session.Metadata is { } data && data.TryGetValue(PayerKey, out var named) && Enum.TryParse<Payer>(named, out var parsed) ? parsed : null;
        return new PaymentProviderEvent(stripeEvent.Id, stripeEvent.Type, kind, created, session.Id, session.PaymentIntentId, session.AmountTotal,
            session.Currency, string.Equals(session.PaymentStatus, "paid", StringComparison.Ordinal), payer);
    }

    public async Task<string> RefundAsync(string providerPaymentId, long amountInCents, string reason, string idempotencyKey, CancellationToken cancellationToken)
    {
        try
        {
            var refund = await new RefundService(client).CreateAsync(new RefundCreateOptions
            {
                PaymentIntent = providerPaymentId,
                Amount = amountInCents,
                Reason = "requested_by_customer",
                Metadata = new Dictionary<string, string> { ["reason"] = reason.Length > 500 ? reason[..500] : reason },
            }, new RequestOptions { IdempotencyKey = idempotencyKey }, cancellationToken);
            return refund.Id;
        }
        catch (StripeException e) when (e.StripeError?.Message is { Length: > 0 } refusal)
        {
            throw new PaymentRefundRefusedException($"Stripe did not make the refund: {refusal}");
        }
        catch (Exception e) when (e is StripeException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new PaymentRefundRefusedException("Stripe could not be reached, so nothing was refunded. Try again in a few minutes.");
        }
    }
}

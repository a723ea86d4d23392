using System.Text;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Registry.Application.Common.Exceptions;
using Registry.Application.Features.Fees;

namespace Registry.Web.Api;

/// <summary>
/// Online payment: a payer opens the provider's hosted checkout for a fee, and the provider tells the registry of the
/// payment through its signed webhook, the only way an online payment is recorded.
/// </summary>
public static class PaymentsApi
{
    /// <summary>Stripe signs each delivery in this header (t=unix seconds,v1=hex HMAC-SHA256 of "t.body").</summary>
    public const string StripeSignatureHeader = "Stripe-Signature";

    public static void MapPaymentsApi(this RouteGroupBuilder api)
    {
        var payments = api.MapGroup("").WithTags("Payments");

        payments.MapPost("/fees/{id:guid}/checkout", OpenCheckoutAsync)
            .RequireAuthorization(DependencyInjection.ApiPolicy)
            .WithName("OpenFeeCheckout")
            .WithSummary("Opens the payment provider's hosted checkout for what is still owed on a fee: send the payer to paymentUrl. "
                + "Only the person who owes the fee, or the employer it is invoiced to, may pay; staff may not pay for people. "
                + "409 when the fee is not owed or online payment is not offered. The payment is recorded only when the provider's signed webhook confirms it.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        payments.MapPost("/payments/webhooks/{provider}", ReceiveWebhookAsync)
            .AllowAnonymous()
            .WithName("ReceivePaymentWebhook")
            .WithSummary("The payment provider's callback (for Stripe: checkout.session.completed and checkout.session.expired events), not for other callers.")
            .WithDescription("The body is read exactly as sent and its signature (Stripe-Signature: t=<unix seconds>,v1=<HMAC-SHA256 of \"t.body\">) "
                + "checked at the registry's clock; a bad or stale signature is refused (400) and nothing is written. Each event is applied once: "
                + "a replayed or duplicate delivery, an event of another type or about an unknown checkout is answered 200 and changes nothing "
                + "(a payment for an unknown checkout or a fee already settled is kept unmatched for reconciliation).")
            .Accepts<PaymentWebhookEvent>("application/json")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Ok<CheckoutOpened>> OpenCheckoutAsync(Guid id, IMediator mediator, CancellationToken ct)
    {
        var opened = await mediator.Send(new OpenCheckout.Command(id), ct);
        return TypedResults.Ok(new CheckoutOpened(opened.CheckoutId, opened.PaymentUrl));
    }

    private static async Task<Ok<WebhookReceived>> ReceiveWebhookAsync(string provider, HttpRequest request, IServiceScopeFactory scopes, CancellationToken ct)
    {
        // The signature covers the bytes as sent: read them as they are, never through a JSON binder.
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(ct);
        var command = new ApplyPaymentEvent.Command(provider, body, request.Headers[StripeSignatureHeader].ToString());
        try
        {
            return await ApplyAsync(scopes, command, ct);
        }
        catch (ConflictException)
        {
            // The same event (or payment) was applied by a delivery that committed first, or another event changed the fee
            // meanwhile: apply it again afresh, which finds the first one's work and changes nothing, or applies cleanly.
            return await ApplyAsync(scopes, command, ct);
        }
    }

    private static async Task<Ok<WebhookReceived>> ApplyAsync(IServiceScopeFactory scopes, ApplyPaymentEvent.Command command, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command, ct);
        return TypedResults.Ok(new WebhookReceived(outcome.EventId, outcome.Result));
    }

    public sealed record CheckoutOpened(Guid CheckoutId, string PaymentUrl);

    /// <summary>What the registry did with the event.</summary>
    public sealed record WebhookReceived(string EventId, string Outcome);

    /// <summary>A payment provider's event as it sends it (Stripe's Event object); only its signature makes it trusted.</summary>
    public sealed record PaymentWebhookEvent(string Id, string Type, long Created, object? Data);
}

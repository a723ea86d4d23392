using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Application.Common.Time;
using Registry.Domain.Fees;

namespace Registry.Application.Features.Fees;

/// <summary>
/// A webhook delivery from the payment provider, the only way an online payment is recorded. Its signature is checked
/// over the exact bytes received (a bad one is refused and nothing is written); each event is kept by its id and applied
/// once, so a replayed or duplicate delivery changes nothing. A completed, paid checkout records the payment on its fee
/// and a provider payment for reconciliation; a payment that cannot be matched to what is owed (an unknown session, a fee
/// already settled another way, a different amount) is kept unmatched with the reason, for staff to refund or match.
/// </summary>
public static class ApplyPaymentEvent
{
    /// <summary>Anyone may deliver it: the signature, not the sender, is what is trusted.</summary>
    [PublicRequest]
    public sealed record Command(string Provider, string Body, string? Signature) : ICommand<Outcome>;

    /// <summary>What the registry did with the event, in plain words.</summary>
    public sealed record Outcome(string EventId, string Result);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Body).NotEmpty().WithMessage("The webhook delivery has no body.");
    }

    public sealed class Handler(IRegistryDbContext db, IPaymentProviders providers, IRegistryCalendar calendar, TimeProvider clock)
        : IRequestHandler<Command, Outcome>
    {
        public async Task<Outcome> Handle(Command command, CancellationToken cancellationToken)
        {
            var provider = providers.Configured;
            if (provider is null || !string.Equals(provider.Name, command.Provider, StringComparison.OrdinalIgnoreCase))
                throw new NotFoundException("Payment provider", command.Provider);
            PaymentProviderEvent delivered;
            try
            {
                delivered = provider.ReadWebhook(command.Body, command.Signature);
            }
            catch (PaymentWebhookRejectedException rejected)
            {
                throw new ValidationException([new ValidationFailure("Stripe-Signature", rejected.Message)]);
            }

            if (await db.ProviderEvents.AnyAsync(e => e.Provider == provider.Name && e.ProviderEventId == delivered.Id, cancellationToken))
                return new Outcome(delivered.Id, "Already applied: nothing changed.");

            var now = clock.GetUtcNow();
            var result = delivered.Kind switch
            {
                PaymentEventKind.CheckoutCompleted when delivered.Paid => await CompletedAsync(provider.Name, delivered, now, cancellationToken),
                PaymentEventKind.CheckoutCompleted => "Completed without payment yet: nothing recorded.",
                PaymentEventKind.CheckoutExpired => await ExpiredAsync(provider.Name, delivered, now, cancellationToken),
                _ => "Not an event the registry acts on.",
            };
            // Unique per provider and event id: a concurrent duplicate fails here and the whole delivery is rolled back.
            db.ProviderEvents.Add(new ProviderEvent(provider.Name, delivered.Id, delivered.Type, delivered.CreatedAt, now, result));
            return new Outcome(delivered.Id, result);
        }

        private async Task<string> CompletedAsync(string provider, PaymentProviderEvent delivered, DateTimeOffset now, CancellationToken cancellationToken)
        {
            var paymentId = delivered.PaymentId ?? delivered.SessionId ?? delivered.Id;
            if (await db.ProviderPayments.AnyAsync(p => p.Provider == provider && p.ProviderPaymentId == paymentId, cancellationToken))
                return $"Payment {paymentId} is already recorded: nothing changed.";
            var amount = Money.FromCents(delivered.AmountInCents ?? 0);
            var currency = (delivered.Currency ?? "").ToUpperInvariant();
            var checkout = delivered.SessionId is null
                ? null
                : await db.PaymentCheckouts.SingleOrDefaultAsync(c => c.Provider == provider && c.ProviderSessionId == delivered.SessionId, cancellationToken);
            if (checkout is null)
                return Unmatched(provider, paymentId, delivered, null, null, amount, currency, now, "No checkout of the registry has this session.");

            checkout.Complete(now);
            var fee = await db.Fees.SingleAsync(f => f.Id == checkout.FeeId, cancellationToken);
            var refusal = fee.Status != FeeStatus.Owed ? $"The fee was already {fee.Status.ToString().ToLowerInvariant()} when the payment arrived."
                : currency != Money.Currency ? $"The payment is in {currency}, not {Money.Currency}."
                : amount != fee.Balance ? $"The payment of {Money.Format(amount)} differs from the {Money.Format(fee.Balance)} still owed."
                : null;
            if (refusal is not null) return Unmatched(provider, paymentId, delivered, checkout, fee, amount, currency, now, refusal);

            var payer = delivered.Payer ?? (fee.EmployerId is null ? Payer.Person : Payer.Employer);
            var today = await calendar.TodayAsync(fee.StateCode, cancellationToken);
            var payment = fee.RecordPayment(amount, PaymentMethod.Card, payer, reference: null, today, now, recordedByUserId: null, providerPaymentId: paymentId);
            db.ProviderPayments.Add(new ProviderPayment(provider, paymentId, delivered.SessionId, fee.StateCode, amount, currency, now, fee.Id, payment.Id, null));
            return $"Recorded a card payment of {Money.Format(amount)} on fee {fee.Id}.";
        }

        private string Unmatched(string provider, string paymentId, PaymentProviderEvent delivered, PaymentCheckout? checkout, Fee? fee, decimal amount,
            string currency, DateTimeOffset now, string reason)
        {
            db.ProviderPayments.Add(new ProviderPayment(provider, paymentId, delivered.SessionId, checkout?.StateCode, amount,
                currency.Length == 3 ? currency : Money.Currency, now, fee?.Id, null, reason));
            return $"Payment {paymentId} not matched to a fee: {reason}";
        }

        private async Task<string> ExpiredAsync(string provider, PaymentProviderEvent delivered, DateTimeOffset now, CancellationToken cancellationToken)
        {
            var checkout = delivered.SessionId is null
                ? null
                : await db.PaymentCheckouts.SingleOrDefaultAsync(c => c.Provider == provider && c.ProviderSessionId == delivered.SessionId, cancellationToken);
            if (checkout is null) return "No checkout of the registry has this session: nothing changed.";
            if (checkout.Status != CheckoutStatus.Open) return $"The checkout is already {checkout.Status.ToString().ToLowerInvariant()}: nothing changed.";
            checkout.Expire(now);
            return "The checkout expired unpaid; the fee is still owed.";
        }
    }
}

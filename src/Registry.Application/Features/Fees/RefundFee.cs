using FluentValidation;
using MediatR;
using Registry.Application.Common.Behaviours;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Domain.Common;
using Registry.Domain.Fees;

namespace Registry.Application.Features.Fees;

/// <summary>
/// A StateAdmin records money returned on a paid fee, partly or fully, with the reason; never more than was paid and not
/// yet refunded. Money paid by card goes back to the card through the payment provider before the refund is recorded,
/// under an idempotency key of the fee's version and the amount, so a retried request never refunds twice; money paid
/// by cheque, money order or voucher is returned by the state, and the refund is recorded.
/// </summary>
public static class RefundFee
{
    [AllowedRoles(Roles.StateAdmin)]
    public sealed record Command : ICommand<Refunded>
    {
        public Guid FeeId { get; init; }
        public decimal Amount { get; init; }
        public string Reason { get; init; } = "";
    }

    public sealed record Refunded(Guid RefundId, decimal RefundedAmount, decimal StillRefundable, FeeStatus Status);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Amount).MoneyAmount("The refund");
            RuleFor(c => c.Reason).NotEmpty().WithMessage("Give the reason for the refund.").MaximumLength(Fee.ReasonMaxLength);
        }
    }

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user, RequestScope scope, IPaymentProviders providers, TimeProvider clock)
        : IRequestHandler<Command, Refunded>
    {
        public async Task<Refunded> Handle(Command command, CancellationToken cancellationToken)
        {
            var fee = await FeeOffice.LoadForStaffAsync(db, user, scope, command.FeeId, cancellationToken);
            string? providerRefundId = null;
            if (fee.CardPaymentToRefund(command.Amount) is { ProviderPaymentId: { } cardPayment })
            {
                var provider = providers.Configured
                    ?? throw new DomainRuleException("This fee was paid by card, and online payment is switched off, so the refund cannot go back to the card.");
                var cents = Money.ToCents(command.Amount);
                try
                {
                    providerRefundId = await provider.RefundAsync(cardPayment, cents, command.Reason, $"refund-{fee.Id}-{fee.Version}-{cents}", cancellationToken);
                }
                catch (PaymentRefundRefusedException refused)
                {
                    throw new DomainRuleException(refused.Message);
                }
            }
            var refund = fee.Refund(command.Amount, command.Reason, user.UserId!.Value, clock.GetUtcNow(), providerRefundId);
            return new Refunded(refund.Id, fee.RefundedAmount, fee.PaidAmount - fee.RefundedAmount, fee.Status);
        }
    }
}

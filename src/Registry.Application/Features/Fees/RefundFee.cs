using FluentValidation;
using MediatR;
using Registry.Application.Common.Behaviours;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Domain.Fees;

namespace Registry.Application.Features.Fees;

/// <summary>
/// A StateAdmin records money returned on a paid fee, partly or fully, with the reason; never more than was paid and not
/// yet refunded. For a card payment the money goes back through the payment provider: issuing it there is the provider's
/// part (see DESIGN.md, "Fees: staff, receipts and revenue"); this records the refund on the fee.
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

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user, RequestScope scope, TimeProvider clock) : IRequestHandler<Command, Refunded>
    {
        public async Task<Refunded> Handle(Command command, CancellationToken cancellationToken)
        {
            var fee = await FeeOffice.LoadForStaffAsync(db, user, scope, command.FeeId, cancellationToken);
            var refund = fee.Refund(command.Amount, command.Reason, user.UserId!.Value, clock.GetUtcNow());
            return new Refunded(refund.Id, fee.RefundedAmount, fee.PaidAmount - fee.RefundedAmount, fee.Status);
        }
    }
}

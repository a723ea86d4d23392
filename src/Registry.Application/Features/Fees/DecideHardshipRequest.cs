using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Application.Common.Time;
using Registry.Domain.Common;
using Registry.Domain.Fees;

namespace Registry.Application.Features.Fees;

/// <summary>
/// A StateAdmin grants a hardship waiver (from a fund that pays this kind of fee and has the balance left this fiscal
/// year, or from none) or refuses it with a reason; the person is told either way through the outbox, in the same unit
/// of work. A grant settles the fee, so an application waiting for it goes to the review queue.
/// </summary>
public static class DecideHardshipRequest
{
    [AllowedRoles(Roles.StateAdmin, Roles.SystemAdmin)]
    public sealed record Command : ICommand<HardshipStatus>
    {
        public Guid HardshipRequestId { get; init; }
        public bool Grant { get; init; }

        /// <summary>The fund the waiver draws on; none waives the fee without drawing on a fund.</summary>
        public Guid? FundId { get; init; }

        public string? Reason { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Reason).NotEmpty().WithMessage("Give the reason for the decision; the person reads it.").MaximumLength(Fee.ReasonMaxLength);
    }

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user, TimeProvider clock, IRegistryCalendar calendar) : IRequestHandler<Command, HardshipStatus>
    {
        public async Task<HardshipStatus> Handle(Command command, CancellationToken cancellationToken)
        {
            var request = await db.HardshipRequests.SingleOrDefaultAsync(h => h.Id == command.HardshipRequestId, cancellationToken);
            if (request is null || !FeeHelp.MayActFor(user, request.StateCode)) throw new NotFoundException("Hardship request", command.HardshipRequestId);
            var fee = await FeeHelp.StaffFeeAsync(db, user, request.FeeId, cancellationToken);
            // Paid, waived or cancelled meanwhile: nothing is left to decide (and a refusal would tell the person the fee is still owed).
            if (fee.Status != FeeStatus.Owed) throw new DomainRuleException("The fee is no longer owed, so there is nothing left to decide.");
            var now = clock.GetUtcNow();
            var amount = fee.Balance;
            if (command.Grant)
            {
                request.Grant(command.FundId, command.Reason!, user.UserId!.Value, now);
                await WaiveFee.WaiveAsync(db, calendar, fee, command.FundId, command.Reason!, user.UserId!.Value, now, cancellationToken);
            }
            else request.Refuse(command.Reason!, user.UserId!.Value, now);

            await WaiveFee.TellAsync(db, fee, amount, request.Status, request.DecisionReason!, now, $"hardship-decision:{request.Id}", cancellationToken);
            return request.Status;
        }
    }
}

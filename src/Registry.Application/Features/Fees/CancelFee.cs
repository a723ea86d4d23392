using FluentValidation;
using MediatR;
using Registry.Application.Common.Behaviours;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Domain.Fees;

namespace Registry.Application.Features.Fees;

/// <summary>A StateAdmin cancels a fee nothing has been paid towards (owed in error), with the reason; a part-paid fee is refunded instead.</summary>
public static class CancelFee
{
    [AllowedRoles(Roles.StateAdmin)]
    public sealed record Command : ICommand<Unit>
    {
        public Guid FeeId { get; init; }
        public string Reason { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Reason).NotEmpty().WithMessage("Give the reason for cancelling the fee.").MaximumLength(Fee.ReasonMaxLength);
    }

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user, RequestScope scope, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var fee = await FeeOffice.LoadForStaffAsync(db, user, scope, command.FeeId, cancellationToken);
            fee.Cancel(command.Reason, clock.GetUtcNow());
            return Unit.Value;
        }
    }
}

using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Domain.Common;
using Registry.Domain.Fees;

namespace Registry.Application.Features.Fees;

/// <summary>
/// The person who owes a fee asks the state to waive it because paying is hard for them now. Their statement is private:
/// only the state's StateAdmins read it, in the hardship queue; it is never shown to employers, on public pages or in logs.
/// </summary>
public static class AskForHardshipWaiver
{
    [AllowedRoles(Roles.Applicant)]
    public sealed record Command : ICommand<Guid>
    {
        public Guid FeeId { get; init; }
        public string? Statement { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Statement)
            .NotEmpty().WithMessage("Tell the board, in a few words, why paying the fee is hard for you now.")
            .MaximumLength(HardshipRequest.StatementMaxLength).WithMessage($"The statement is at most {HardshipRequest.StatementMaxLength} characters.");
    }

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<Command, Guid>
    {
        public async Task<Guid> Handle(Command command, CancellationToken cancellationToken)
        {
            var fee = await FeeHelp.PayersFeeAsync(db, user, command.FeeId, invoicedEmployer: false, cancellationToken);
            if (await db.HardshipRequests.AnyAsync(h => h.FeeId == fee.Id && h.Status == HardshipStatus.Pending, cancellationToken))
                throw new DomainRuleException("You have already asked for this fee to be waived; the board will tell you its decision.");
            var request = new HardshipRequest(fee, command.Statement!, clock.GetUtcNow());
            db.HardshipRequests.Add(request);
            return request.Id;
        }
    }
}

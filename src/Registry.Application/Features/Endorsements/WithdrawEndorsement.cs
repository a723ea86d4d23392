using FluentValidation;
using MediatR;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Application.Common.Time;
using Registry.Application.Features.Discipline;
using Registry.Domain.Credentials;

namespace Registry.Application.Features.Endorsements;

/// <summary>
/// Staff withdraw a specialty endorsement from a credential, with a reason, from today in the state's calendar; the credential
/// keeps its status. The holder is told (with the reason), watching employers are told it was withdrawn (never why).
/// </summary>
public static class WithdrawEndorsement
{
    [AllowedRoles(Roles.Reviewer, Roles.StateAdmin)]
    public sealed record Command(Guid CredentialId, string Code, string Reason) : ICommand<Unit>, ICredentialScoped;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Code).NotEmpty().MaximumLength(8).WithName("Endorsement");
            RuleFor(c => c.Reason).NotEmpty().WithMessage("Give the reason for withdrawing the endorsement.")
                .MaximumLength(CredentialEndorsement.ReasonMaxLength).WithName("Reason");
        }
    }

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user, TimeProvider clock, IRegistryCalendar calendar) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var credential = await db.LoadCredentialAsync(command.CredentialId, cancellationToken);
            var today = await calendar.TodayAsync(credential.StateCode, cancellationToken);
            credential.WithdrawEndorsement(command.Code.Trim().ToUpperInvariant(), command.Reason, today, user.UserId!.Value, clock.GetUtcNow());
            return Unit.Value;
        }
    }
}

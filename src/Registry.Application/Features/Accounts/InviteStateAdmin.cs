using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Domain.Jurisdictions;

namespace Registry.Application.Features.Accounts;

/// <summary>A SystemAdmin invites an administrator of a state (its first, or another); the e-mail carries a link to choose a password.</summary>
public static class InviteStateAdmin
{
    [AllowedRoles(Roles.SystemAdmin)]
    public sealed record Command : ICommand<Unit>, ISavesInSteps, IStateScoped
    {
        public string StateCode { get; init; } = "";
        public string DisplayName { get; init; } = "";
        public string Email { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IIdentityService identity)
        {
            RuleFor(c => c.DisplayName).StaffName("Enter the administrator's name.");
            RuleFor(c => c.Email).NewStaffEmail(identity, "Enter the administrator's e-mail address.");
        }
    }

    public sealed class Handler(IRegistryDbContext db, StaffInvitations invitations) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var state = Domain.Jurisdictions.StateCode.Parse(command.StateCode);
            var name = await db.Jurisdictions.Where(j => j.Code == state).Select(j => j.Name).SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("State", command.StateCode);
            await invitations.InviteAsync(state, name, Roles.StateAdmin, command.DisplayName, command.Email);
            return Unit.Value;
        }
    }
}

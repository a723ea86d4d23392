using FluentValidation;
using MediatR;
using Registry.Application.Common.Behaviours;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;

namespace Registry.Application.Features.Accounts;

/// <summary>A StateAdmin invites a reviewer of their own state; the e-mail carries a link to choose a password.</summary>
public static class InviteReviewer
{
    [AllowedRoles(Roles.StateAdmin)]
    public sealed record Command : ICommand<Unit>, ISavesInSteps
    {
        public string DisplayName { get; init; } = "";
        public string Email { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IIdentityService identity)
        {
            RuleFor(c => c.DisplayName).StaffName("Enter the reviewer's name.");
            RuleFor(c => c.Email).NewStaffEmail(identity, "Enter the reviewer's e-mail address.");
        }
    }

    public sealed class Handler(StaffInvitations invitations, ICurrentUser user, RequestScope scope) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var state = user.StateCode ?? throw new InvalidOperationException("A StateAdmin always has a state.");
            scope.StateCode = state;
            await invitations.InviteAsync(state, state.Value, Roles.Reviewer, command.DisplayName, command.Email);
            return Unit.Value;
        }
    }
}

using MediatR;
using Registry.Application.Common.Behaviours;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;

namespace Registry.Application.Features.Accounts;

/// <summary>A StateAdmin disables a reviewer of their state: the account is locked and its sign-ins end.</summary>
public static class DisableReviewer
{
    [AllowedRoles(Roles.StateAdmin)]
    public sealed record Command(Guid UserId) : ICommand<Unit>;

    public sealed class Handler(IIdentityService identity, ICurrentUser user, RequestScope scope) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            await ReviewerAccounts.SetEnabledAsync(identity, user, scope, command.UserId, enabled: false);
            return Unit.Value;
        }
    }
}

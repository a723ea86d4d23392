using MediatR;
using Registry.Application.Common.Behaviours;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;

namespace Registry.Application.Features.Accounts;

/// <summary>A StateAdmin lets a disabled reviewer of their state sign in again.</summary>
public static class EnableReviewer
{
    [AllowedRoles(Roles.StateAdmin)]
    public sealed record Command(Guid UserId) : ICommand<Unit>;

    public sealed class Handler(IIdentityService identity, ICurrentUser user, RequestScope scope) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            await ReviewerAccounts.SetEnabledAsync(identity, user, scope, command.UserId, enabled: true);
            return Unit.Value;
        }
    }
}

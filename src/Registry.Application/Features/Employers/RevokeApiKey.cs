using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;

namespace Registry.Application.Features.Employers;

/// <summary>An employer's user revokes one of its organisation's keys; it stops working at once.</summary>
public static class RevokeApiKey
{
    [AllowedRoles(Roles.Employer)]
    public sealed record Command(Guid KeyId) : ICommand<Unit>;

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var employerId = EmployerAccess.EmployerIdOf(user);
            var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == command.KeyId && k.EmployerId == employerId, cancellationToken)
                ?? throw new NotFoundException("API key", command.KeyId);
            key.Revoke(user.UserId, clock.GetUtcNow());
            return Unit.Value;
        }
    }
}

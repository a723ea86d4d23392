using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;

namespace Registry.Application.Features.Employers;

/// <summary>An employer stops watching one of its watched credentials.</summary>
public static class StopWatching
{
    [AllowedRoles(Roles.Employer)]
    public sealed record Command(Guid CredentialId) : ICommand<Unit>;

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var employerId = EmployerAccess.EmployerIdOf(user);
            var watch = await db.WatchedCredentials.SingleOrDefaultAsync(w => w.EmployerId == employerId && w.CredentialId == command.CredentialId, cancellationToken)
                ?? throw new NotFoundException("Watched credential", command.CredentialId);
            db.WatchedCredentials.Remove(watch);
            return Unit.Value;
        }
    }
}

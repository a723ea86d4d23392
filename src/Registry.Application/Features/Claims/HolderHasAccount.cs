using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;

namespace Registry.Application.Features.Claims;

/// <summary>
/// Whether a credential's holder has an account, for the staff credential page: a claim code or a paper renewal is
/// only for a holder without one.
/// </summary>
public static class HolderHasAccount
{
    [AllowedRoles(Roles.Reviewer, Roles.StateAdmin)]
    public sealed record Query(Guid CredentialId) : IRequest<bool>, ICredentialScoped;

    public sealed class Handler(IRegistryDbContext db, IIdentityService identity) : IRequestHandler<Query, bool>
    {
        public async Task<bool> Handle(Query query, CancellationToken cancellationToken)
        {
            var holder = await db.Credentials.Where(c => c.Id == query.CredentialId).Select(c => (Guid?)c.HolderPersonId).SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Credential", query.CredentialId);
            return await UnclaimedRecords.HasAccountAsync(identity, holder, cancellationToken);
        }
    }
}

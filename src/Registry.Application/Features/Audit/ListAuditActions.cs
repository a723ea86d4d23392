using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;

namespace Registry.Application.Features.Audit;

/// <summary>The actions a state's audit log (or, for a SystemAdmin naming none, the entries of no state) holds, in order: the choices for filtering <see cref="ListAuditEntries"/>.</summary>
public static class ListAuditActions
{
    [AllowedRoles(Roles.StateAdmin, Roles.SystemAdmin)]
    public sealed record Query(string StateCode) : IRequest<IReadOnlyList<string>>;

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user) : IRequestHandler<Query, IReadOnlyList<string>>
    {
        public async Task<IReadOnlyList<string>> Handle(Query query, CancellationToken cancellationToken)
        {
            var state = ListAuditEntries.StateOf(query.StateCode, user);
            return await db.AuditEntries.AsNoTracking().Where(a => a.StateCode == state)
                .Select(a => a.Action).Distinct().OrderBy(a => a).ToListAsync(cancellationToken);
        }
    }
}

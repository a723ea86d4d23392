using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;

namespace Registry.Application.Features.Jurisdictions;

/// <summary>One state export's progress; another state's export is "not found" for a StateAdmin.</summary>
public static class GetStateExport
{
    [AllowedRoles(Roles.StateAdmin, Roles.SystemAdmin)]
    public sealed record Query(Guid Id) : IRequest<ListStateExports.Model>;

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<Query, ListStateExports.Model>
    {
        public async Task<ListStateExports.Model> Handle(Query query, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var export = await db.StateExports.AsNoTracking().SingleOrDefaultAsync(e => e.Id == query.Id && e.ExpiresAt > now, cancellationToken);
            if (export is null || !(user.IsInRole(Roles.SystemAdmin) || user.StateCode == export.StateCode))
                throw new NotFoundException("State export", query.Id);
            return StateExportModels.From(export);
        }
    }
}

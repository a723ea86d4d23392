using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;

namespace Registry.Application.Features.Workforce;

/// <summary>The monthly snapshots the sender may download: a StateAdmin their state's, others every state's. Newest first.</summary>
public static class ListWorkforceSnapshots
{
    [AllowedRoles(Roles.StateAdmin, Roles.SystemAdmin, Roles.NationalAnalyst)]
    public sealed record Query : IRequest<IReadOnlyList<Model>>;

    public sealed record Model(Guid Id, string StateCode, DateOnly Month, int ActiveAtMonthEnd, DateTimeOffset TakenAt);

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user) : IRequestHandler<Query, IReadOnlyList<Model>>
    {
        public async Task<IReadOnlyList<Model>> Handle(Query query, CancellationToken cancellationToken)
        {
            var snapshots = db.WorkforceSnapshots.AsNoTracking();
            if (!SnapshotAccess.ReadsEveryState(user))
            {
                var own = user.StateCode ?? throw new ForbiddenException("Your account is not linked to a state.");
                snapshots = snapshots.Where(s => s.StateCode == own);
            }
            var rows = await snapshots.OrderByDescending(s => s.Month).ThenBy(s => s.StateCode).Take(600)
                .Select(s => new { s.Id, s.StateCode, s.Month, s.ActiveAtMonthEnd, s.TakenAt })
                .ToListAsync(cancellationToken);
            return rows.Select(s => new Model(s.Id, s.StateCode.Value, s.Month, s.ActiveAtMonthEnd, s.TakenAt)).ToList();
        }
    }
}

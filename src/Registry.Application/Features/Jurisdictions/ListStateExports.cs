using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Domain.Jurisdictions;

namespace Registry.Application.Features.Jurisdictions;

/// <summary>A state's full exports that have not expired, newest first, with their progress.</summary>
public static class ListStateExports
{
    [AllowedRoles(Roles.StateAdmin, Roles.SystemAdmin)]
    public sealed record Query(string StateCode) : IRequest<IReadOnlyList<Model>>, IStateScoped;

    public sealed record Model(Guid Id, string StateCode, StateExportStatus Status, DateTimeOffset RequestedAt, string? CurrentFile,
        int FilesWritten, int FilesTotal, long RowsWritten, long? SizeBytes, string? Problem, DateTimeOffset? CompletedAt, DateTimeOffset ExpiresAt);

    public sealed class Handler(IRegistryDbContext db, TimeProvider clock) : IRequestHandler<Query, IReadOnlyList<Model>>
    {
        public async Task<IReadOnlyList<Model>> Handle(Query query, CancellationToken cancellationToken)
        {
            var state = StateCode.Parse(query.StateCode);
            var now = clock.GetUtcNow();
            var exports = await db.StateExports.AsNoTracking().Where(e => e.StateCode == state && e.ExpiresAt > now)
                .ToListAsync(cancellationToken);
            // Ordered here: SQLite cannot order by a DateTimeOffset.
            return exports.OrderByDescending(e => e.RequestedAt).Take(50).Select(StateExportModels.From).ToList();
        }
    }
}

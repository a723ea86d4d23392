using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;

namespace Registry.Application.Features.Workforce;

/// <summary>One snapshot's workbook; another state's snapshot is "not found" for a StateAdmin.</summary>
public static class DownloadWorkforceSnapshot
{
    [AllowedRoles(Roles.StateAdmin, Roles.SystemAdmin, Roles.NationalAnalyst)]
    public sealed record Query(Guid SnapshotId) : IRequest<File>, IAuditedRead
    {
        string IAuditedRead.AuditedType => "WorkforceSnapshot";
        string? IAuditedRead.AuditedId => SnapshotId.ToString();
    }

    public sealed record File(string FileName, byte[] Content);

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user) : IRequestHandler<Query, File>
    {
        public async Task<File> Handle(Query query, CancellationToken cancellationToken)
        {
            var snapshot = await db.WorkforceSnapshots.AsNoTracking().SingleOrDefaultAsync(s => s.Id == query.SnapshotId, cancellationToken);
            if (snapshot is null || !(SnapshotAccess.ReadsEveryState(user) || user.StateCode == snapshot.StateCode))
                throw new NotFoundException("Workforce snapshot", query.SnapshotId);
            return new File($"workforce-{snapshot.StateCode.Value}-{snapshot.Month:yyyy-MM}.xlsx", snapshot.Workbook);
        }
    }
}

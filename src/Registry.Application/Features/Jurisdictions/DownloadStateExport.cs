using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Behaviours;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Domain.Jurisdictions;

namespace Registry.Application.Features.Jurisdictions;

/// <summary>
/// A ready state export's zip, as a stream from the document store; every download is in the audit log (who, when,
/// which state). Another state's export is "not found" for a StateAdmin; one still being written is a conflict.
/// </summary>
public static class DownloadStateExport
{
    [AllowedRoles(Roles.StateAdmin, Roles.SystemAdmin)]
    public sealed record Query(Guid Id) : IRequest<File>, IAuditedRead
    {
        string IAuditedRead.AuditedType => "StateExport";
        string? IAuditedRead.AuditedId => Id.ToString();
    }

    public sealed record File(Stream Content, string FileName);

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user, TimeProvider clock, IDocumentStore store, RequestScope scope)
        : IRequestHandler<Query, File>
    {
        public async Task<File> Handle(Query query, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var export = await db.StateExports.AsNoTracking().SingleOrDefaultAsync(e => e.Id == query.Id && e.ExpiresAt > now, cancellationToken);
            if (export is null || !(user.IsInRole(Roles.SystemAdmin) || user.StateCode == export.StateCode))
                throw new NotFoundException("State export", query.Id);
            if (export is not { Status: StateExportStatus.Ready, StorageKey: { } key })
                throw new ConflictException($"The export is {export.Status.ToString().ToLowerInvariant()}; it can be downloaded once it is ready.");
            scope.StateCode = export.StateCode;
            return new File(await store.OpenReadAsync(key, cancellationToken), $"registry-{export.StateCode.Value}-{export.RequestedAt.UtcDateTime:yyyy-MM-dd-HHmm}.zip");
        }
    }
}

using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Domain.Documents;

namespace Registry.Application.Features.Records;

/// <summary>
/// An evidence file, for its owner, for staff of a state where the owner has applied, or for a system
/// administrator. Anyone else is told it does not exist.
/// </summary>
public static class DownloadEvidence
{
    [AllowedRoles(Roles.Applicant, Roles.Reviewer, Roles.StateAdmin, Roles.SystemAdmin)]
    public sealed record Query(Guid DocumentId) : IRequest<Model>;

    public sealed record Model(string FileName, string ContentType, Stream Content);

    public sealed class Handler(IRegistryDbContext db, IDocumentStore store, ICurrentUser user) : IRequestHandler<Query, Model>
    {
        public async Task<Model> Handle(Query query, CancellationToken cancellationToken)
        {
            var document = await db.Documents.AsNoTracking().SingleOrDefaultAsync(d => d.Id == query.DocumentId, cancellationToken);
            if (document is null || !await MaySeeAsync(document, cancellationToken)) throw new NotFoundException("Document", query.DocumentId);
            return new Model(document.FileName, document.ContentType, await store.OpenReadAsync(document.StorageKey, cancellationToken));
        }

        private async Task<bool> MaySeeAsync(EvidenceDocument document, CancellationToken cancellationToken)
        {
            if (user.IsInRole(Roles.SystemAdmin)) return true;
            if (user.IsInRole(Roles.Applicant) && user.PersonId == document.OwnerPersonId) return true;
            if (!Roles.StateStaff.Any(user.IsInRole) || user.StateCode is not { } staffState) return false;
            // StateCode is a value-converted column: read the states whole, then compare.
            var states = await db.Applications.Where(a => a.PersonId == document.OwnerPersonId)
                .Join(db.Programs, a => a.ProgramId, p => p.Id, (a, p) => p.StateCode)
                .ToListAsync(cancellationToken);
            return states.Contains(staffState);
        }
    }
}

using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Behaviours;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Domain.Documents;

namespace Registry.Application.Features.Records;

/// <summary>
/// An evidence file, for its owner, for staff of a state with an application whose records the file is attached to,
/// or for a system administrator. Access follows the application, not the person: applying in a second state shows
/// that state's staff only what is attached there. Anyone else is told it does not exist. Each download is audited.
/// </summary>
public static class DownloadEvidence
{
    [AllowedRoles(Roles.Applicant, Roles.Reviewer, Roles.StateAdmin, Roles.SystemAdmin)]
    public sealed record Query(Guid DocumentId) : IRequest<Model>, IAuditedRead
    {
        string IAuditedRead.AuditedType => nameof(EvidenceDocument);
        string? IAuditedRead.AuditedId => DocumentId.ToString();
    }

    public sealed record Model(string FileName, string ContentType, Stream Content);

    public sealed class Handler(IRegistryDbContext db, IDocumentStore store, ICurrentUser user, RequestScope scope) : IRequestHandler<Query, Model>
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
            // The states of the applications whose records name this file. StateCode is a value-converted column:
            // read the states whole, then compare.
            var states = await db.Applications
                .Where(a => a.TrainingRecords.Any(t => t.EvidenceDocumentId == document.Id)
                    || a.ContinuingEducation.Any(c => c.EvidenceDocumentId == document.Id))
                .Join(db.Programs, a => a.ProgramId, p => p.Id, (a, p) => p.StateCode)
                .ToListAsync(cancellationToken);
            if (!states.Contains(staffState)) return false;
            scope.StateCode = staffState;
            return true;
        }
    }
}

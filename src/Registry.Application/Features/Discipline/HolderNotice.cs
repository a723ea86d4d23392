using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Domain.Credentials;
using Registry.Domain.Notifications;

namespace Registry.Application.Features.Discipline;

internal static class HolderNotice
{
    /// <summary>The credential with its history and endorsements, tracked for change.</summary>
    public static async Task<Credential> LoadCredentialAsync(this IRegistryDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Credentials.Include(c => c.History).Include(c => c.Endorsements).SingleOrDefaultAsync(c => c.Id == id, cancellationToken)
        ?? throw new NotFoundException("Credential", id);

    public static async Task<DisciplineCase> LoadCaseAsync(this IRegistryDbContext db, Guid credentialId, Guid caseId, CancellationToken cancellationToken) =>
        await db.DisciplineCases.SingleOrDefaultAsync(c => c.Id == caseId && c.CredentialId == credentialId, cancellationToken)
        ?? throw new NotFoundException("Case", caseId);

}

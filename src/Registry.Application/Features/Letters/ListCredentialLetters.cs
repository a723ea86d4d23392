using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;

namespace Registry.Application.Features.Letters;

/// <summary>The letters of the discipline cases about one credential (notices and decisions), oldest first.</summary>
public static class ListCredentialLetters
{
    [AllowedRoles(Roles.Applicant, Roles.Reviewer, Roles.StateAdmin, Roles.SystemAdmin)]
    public sealed record Query(Guid CredentialId) : IRequest<IReadOnlyList<LetterSummary>>, ICredentialScoped;

    public sealed class Handler(IRegistryDbContext db) : IRequestHandler<Query, IReadOnlyList<LetterSummary>>
    {
        public async Task<IReadOnlyList<LetterSummary>> Handle(Query query, CancellationToken cancellationToken) =>
            await db.DecisionLetters.AsNoTracking().Where(l => l.CredentialId == query.CredentialId && l.DisciplineCaseId != null)
                .OrderBy(l => l.CreatedAt).ThenBy(l => l.Id)
                .Select(l => new LetterSummary(l.Id, l.Kind, l.FileName, l.CreatedAt)).ToListAsync(cancellationToken);
    }
}

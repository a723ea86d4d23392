using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;

namespace Registry.Application.Features.Letters;

/// <summary>The letters sent about one application (approval, denial, requests for information), oldest first.</summary>
public static class ListApplicationLetters
{
    [AllowedRoles(Roles.Applicant, Roles.Reviewer, Roles.StateAdmin, Roles.SystemAdmin)]
    public sealed record Query(Guid ApplicationId) : IRequest<IReadOnlyList<LetterSummary>>, IApplicationScoped;

    public sealed class Handler(IRegistryDbContext db) : IRequestHandler<Query, IReadOnlyList<LetterSummary>>
    {
        public async Task<IReadOnlyList<LetterSummary>> Handle(Query query, CancellationToken cancellationToken) =>
            await db.DecisionLetters.AsNoTracking().Where(l => l.ApplicationId == query.ApplicationId)
                .OrderBy(l => l.CreatedAt).ThenBy(l => l.Id)
                .Select(l => new LetterSummary(l.Id, l.Kind, l.FileName, l.CreatedAt)).ToListAsync(cancellationToken);
    }
}

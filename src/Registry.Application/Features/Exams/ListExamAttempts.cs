using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;

namespace Registry.Application.Features.Exams;

/// <summary>State staff see the recorded sittings of their program's exam, for one person or for everyone.</summary>
public static class ListExamAttempts
{
    [AllowedRoles(Roles.Reviewer, Roles.StateAdmin)]
    public sealed record Query(Guid ProgramId, Guid? PersonId = null) : IRequest<IReadOnlyList<Model>>, IProgramScoped;

    public sealed record Model(Guid Id, Guid PersonId, string PersonName, string? Email, DateOnly TakenOn, int Score, bool Passed, int AttemptNumber);

    public sealed class Handler(IRegistryDbContext db) : IRequestHandler<Query, IReadOnlyList<Model>>
    {
        public async Task<IReadOnlyList<Model>> Handle(Query query, CancellationToken cancellationToken) =>
            await db.ExamAttempts.AsNoTracking()
                .Where(a => a.ProgramId == query.ProgramId && (query.PersonId == null || a.PersonId == query.PersonId))
                .Join(db.People, a => a.PersonId, p => p.Id, (a, p) => new { a, p })
                .OrderBy(x => x.p.LegalLastName).ThenBy(x => x.p.LegalFirstName).ThenBy(x => x.a.TakenOn)
                .Select(x => new Model(x.a.Id, x.a.PersonId, x.p.LegalFirstName + " " + x.p.LegalLastName, x.p.Email, x.a.TakenOn, x.a.Score, x.a.Passed, x.a.AttemptNumber))
                .ToListAsync(cancellationToken);
    }
}

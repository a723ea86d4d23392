using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Domain.Credentials;
using Registry.Domain.Workforce;

namespace Registry.Application.Features.WorkforceSurvey;

/// <summary>
/// The signed-in holder's active credentials, each with the yearly retention answers they gave for it in the last
/// year (none yet: all empty).
/// </summary>
public static class GetRetentionQuestions
{
    [AllowedRoles(Roles.Applicant)]
    public sealed record Query : IRequest<IReadOnlyList<Model>>;

    public sealed record Model(Guid CredentialId, string CredentialNumber, string ProgramName, WorkforceAnswers Answers, bool Answered);

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<Query, IReadOnlyList<Model>>
    {
        public async Task<IReadOnlyList<Model>> Handle(Query query, CancellationToken cancellationToken)
        {
            var personId = user.PersonId ?? throw new ForbiddenException();
            var credentials = await db.Credentials.AsNoTracking()
                .Where(c => c.HolderPersonId == personId && (c.Status == CredentialStatus.Active || c.Status == CredentialStatus.Probation))
                .Join(db.Programs, c => c.ProgramId, p => p.Id, (c, p) => new { c.Id, c.Number, p.Name })
                .ToListAsync(cancellationToken);
            var ids = credentials.Select(c => c.Id).ToList();
            // Compared in memory (a person holds few credentials): this only fills the form back in.
            var since = clock.GetUtcNow().AddYears(-1);
            var responses = await db.WorkforceSurveyResponses.AsNoTracking()
                .Where(r => r.CredentialId != null && ids.Contains(r.CredentialId.Value) && r.Occasion == SurveyOccasion.AnnualPulse)
                .ToListAsync(cancellationToken);
            return [.. credentials
                .OrderBy(c => c.Name)
                .Select(c =>
                {
                    var latest = responses.Where(r => r.CredentialId == c.Id && r.AnsweredAt > since).OrderByDescending(r => r.AnsweredAt).FirstOrDefault();
                    return new Model(c.Id, c.Number.Value, c.Name, latest?.Answers ?? new WorkforceAnswers(), latest is not null);
                })];
        }
    }
}

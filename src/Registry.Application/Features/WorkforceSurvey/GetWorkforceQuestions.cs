using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Domain.Workforce;

namespace Registry.Application.Features.WorkforceSurvey;

/// <summary>The applicant's own answers to the voluntary workforce questions for an application (none yet: all empty).</summary>
public static class GetWorkforceQuestions
{
    [AllowedRoles(Roles.Applicant)]
    public sealed record Query(Guid ApplicationId) : IRequest<Model>, IApplicationScoped;

    /// <param name="StateCode">The state whose counties are offered first for the county of practice.</param>
    public sealed record Model(Guid ApplicationId, string ProgramName, string StateCode, SurveyOccasion Occasion, WorkforceAnswers Answers, bool Answered);

    public sealed class Handler(IRegistryDbContext db) : IRequestHandler<Query, Model>
    {
        public async Task<Model> Handle(Query query, CancellationToken cancellationToken)
        {
            var application = await db.Applications.AsNoTracking()
                .Where(a => a.Id == query.ApplicationId)
                .Join(db.Programs, a => a.ProgramId, p => p.Id, (a, p) => new { a.Id, a.Type, p.Name, p.StateCode })
                .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("Application", query.ApplicationId);
            var response = await db.WorkforceSurveyResponses.AsNoTracking()
                .SingleOrDefaultAsync(r => r.ApplicationId == query.ApplicationId, cancellationToken);
            return new Model(application.Id, application.Name, application.StateCode.Value,
                AnswerWorkforceQuestions.OccasionOf(application.Type), response?.Answers ?? new WorkforceAnswers(), response is not null);
        }
    }
}

using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Application.Common.Time;
using Registry.Domain.Applications;

namespace Registry.Application.Features.Appeals;

/// <summary>
/// The appeal of an application's denial as its applicant and their state's staff see it: the denial and its
/// reason, the last day to appeal and whether that is still ahead, and the appeal filed, if any, with its decision.
/// </summary>
public static class GetAppeal
{
    [AllowedRoles(Roles.Applicant, Roles.Reviewer, Roles.StateAdmin, Roles.SystemAdmin)]
    public sealed record Query(Guid ApplicationId) : IRequest<Model>, IApplicationScoped;

    public sealed record Model(
        Guid ApplicationId, string ApplicantName, string ProgramName, string StateName, ApplicationStatus Status,
        DateTimeOffset? DeniedAt, string? DenialReason, DateOnly? AppealUntil, bool WindowOpen, AppealModel? Appeal)
    {
        /// <summary>The applicant may file now: denied, appealable, within the window, and no appeal of this denial yet.</summary>
        public bool MayFile => Status == ApplicationStatus.Denied && WindowOpen && Appeal is null;
    }

    public sealed record AppealModel(Guid Id, string Statement, DateTimeOffset FiledAt, AppealStatus Status, DateTimeOffset? DecidedAt, string? DecisionReason);

    public sealed class Handler(IRegistryDbContext db, IRegistryCalendar calendar) : IRequestHandler<Query, Model>
    {
        public async Task<Model> Handle(Query query, CancellationToken cancellationToken)
        {
            var application = await db.Applications.AsNoTracking().Include(a => a.Appeals)
                .SingleOrDefaultAsync(a => a.Id == query.ApplicationId, cancellationToken)
                ?? throw new NotFoundException("Application", query.ApplicationId);
            var program = await db.Programs.AsNoTracking().Where(p => p.Id == application.ProgramId)
                .Join(db.Jurisdictions, p => p.StateCode, j => j.Code, (p, j) => new { p.Name, p.StateCode, StateName = j.Name }).SingleAsync(cancellationToken);
            var person = await db.People.Where(p => p.Id == application.PersonId).Select(p => new { p.LegalFirstName, p.LegalLastName }).SingleAsync(cancellationToken);
            var today = await calendar.TodayAsync(program.StateCode, cancellationToken);
            // The appeal of the current denial; after an overturn, the last appeal decided, so the page can say what happened.
            var appeal = application.CurrentAppeal ?? application.Appeals.OrderBy(a => a.FiledAt).LastOrDefault();
            var denied = application.Status == ApplicationStatus.Denied;
            return new Model(application.Id, $"{person.LegalFirstName} {person.LegalLastName}", program.Name, program.StateName, application.Status,
                denied ? application.DecidedAt : null, denied ? application.DecisionReason : null, application.AppealUntil,
                denied && application.AppealUntil is { } lastDay && today <= lastDay,
                appeal is null ? null : new AppealModel(appeal.Id, appeal.Statement, appeal.FiledAt, appeal.Status, appeal.DecidedAt, appeal.DecisionReason));
        }
    }
}

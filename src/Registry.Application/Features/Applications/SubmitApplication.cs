using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Application.Common.Time;
using Registry.Application.Features.Fees;
using Registry.Domain.Applications;

namespace Registry.Application.Features.Applications;

/// <summary>The applicant submits their draft, or resubmits with their answer to a request for information.</summary>
public static class SubmitApplication
{
    [AllowedRoles(Roles.Applicant)]
    /// <param name="MilitaryOrVeteran">The applicant says they serve or served in the military: a program's military rate applies.</param>
    public sealed record Command(Guid ApplicationId, string? Answer = null, bool MilitaryOrVeteran = false) : ICommand<ApplicationStatus>, IApplicationScoped;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Answer).MaximumLength(4000);
    }

    /// <remarks>The CE audit's random source is injected so tests can force the draw.</remarks>
    public sealed class Handler(IRegistryDbContext db, ICurrentUser user, TimeProvider clock, IRegistryCalendar calendar, Random random) : IRequestHandler<Command, ApplicationStatus>
    {
        public async Task<ApplicationStatus> Handle(Command command, CancellationToken cancellationToken)
        {
            var application = await db.Applications.LoadAsync(command.ApplicationId, cancellationToken);
            var eligibility = await db.EvaluateAsync(application, cancellationToken);
            var drawn = false;
            if (application.Type == ApplicationType.Renewal && application.RequirementsVersion is null)
            {
                var program = await db.Programs.AsNoTracking().SingleAsync(p => p.Id == application.ProgramId, cancellationToken);
                drawn = CeAudit.Draw(program.Requirements.CeAuditPercent, random);
            }
            var firstSubmission = application.FirstSubmittedAt is null;
            var now = clock.GetUtcNow();
            application.Submit(user.UserId!.Value, now, eligibility, command.Answer, drawn);
            if (firstSubmission)
                await FeesOwed.OweAtFirstSubmissionAsync(db, application, command.MilitaryOrVeteran,
                    await calendar.TodayForProgramAsync(application.ProgramId, cancellationToken), now, cancellationToken);
            return application.Status;
        }
    }
}

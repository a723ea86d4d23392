using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Application.Common.Time;
using Registry.Application.Features.Applications;
using Registry.Domain.Applications;

namespace Registry.Application.Features.Review;

/// <summary>A reviewer denies an application under review, with a reason the applicant reads and, where the program offers one, the last day to appeal.</summary>
public static class DenyApplication
{
    [AllowedRoles(Roles.Reviewer, Roles.StateAdmin)]
    public sealed record Command(Guid ApplicationId, string? Reason) : ICommand<ApplicationStatus>, IApplicationScoped;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Reason).NotEmpty().WithMessage("Give the reason for the denial.").MaximumLength(4000);
    }

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user, TimeProvider clock, IRegistryCalendar calendar) : IRequestHandler<Command, ApplicationStatus>
    {
        public async Task<ApplicationStatus> Handle(Command command, CancellationToken cancellationToken)
        {
            var application = await db.Applications.LoadAsync(command.ApplicationId, cancellationToken);
            // The appeal window is the program's procedure now, not part of the requirements the application is judged by.
            var program = await db.Programs.AsNoTracking().SingleAsync(p => p.Id == application.ProgramId, cancellationToken);
            var today = await calendar.TodayForProgramAsync(application.ProgramId, cancellationToken);
            application.Deny(user.UserId!.Value, clock.GetUtcNow(), command.Reason!, program.Requirements.AppealUntil(today));
            return application.Status;
        }
    }
}

using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Application.Common.Time;
using Registry.Domain.Applications;
using Registry.Domain.Common;
using Registry.Domain.Credentials;

namespace Registry.Application.Features.Applications;

/// <summary>An applicant opens a draft application for a program; one open application per person and program.</summary>
public static class StartApplication
{
    [AllowedRoles(Roles.Applicant)]
    public sealed record Command : ICommand<Started>, IProgramScoped
    {
        public Guid ProgramId { get; init; }
        public ApplicationType Type { get; init; } = ApplicationType.Initial;
    }

    public sealed record Started(Guid ApplicationId);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.ProgramId).NotEmpty().WithMessage("Choose the program you are applying for.");
            RuleFor(c => c.Type).Must(t => t is ApplicationType.Initial or ApplicationType.Reciprocity)
                .WithMessage("Choose initial certification or reciprocity; renewals start from your credential.");
        }
    }

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user, TimeProvider clock, IRegistryCalendar calendar) : IRequestHandler<Command, Started>
    {
        public async Task<Started> Handle(Command command, CancellationToken cancellationToken)
        {
            var personId = user.PersonId ?? throw new ForbiddenException("Complete your profile before applying.");
            var program = await db.Programs.AsNoTracking().Where(p => p.Id == command.ProgramId).Select(p => new { p.Name, p.RetiredOn }).SingleAsync(cancellationToken);
            if (program.RetiredOn is { } retiredOn && retiredOn <= await calendar.TodayForProgramAsync(command.ProgramId, cancellationToken))
                throw new DomainRuleException($"{program.Name} no longer accepts new applications. Your state's board can tell you which program to apply for instead.");
            // The database's unique index on open applications settles a race between two of these.
            if (await db.Applications.AnyAsync(a => a.PersonId == personId && a.ProgramId == command.ProgramId && ApplicationStatusRules.OpenStatuses.Contains(a.Status), cancellationToken))
                throw new ConflictException("You already have an open application for this program.");

            if (command.Type == ApplicationType.Reciprocity)
                await RequireReciprocityAsync(personId, command.ProgramId, cancellationToken);

            var application = CertificationApplication.Start(personId, command.ProgramId, command.Type, user.UserId!.Value, clock.GetUtcNow());
            db.Applications.Add(application);
            return new Started(application.Id);
        }

        /// <summary>Reciprocity is open to holders of an active credential from a program the target program accepts.</summary>
        private async Task RequireReciprocityAsync(Guid personId, Guid programId, CancellationToken cancellationToken)
        {
            var program = await db.Programs.AsNoTracking().SingleAsync(p => p.Id == programId, cancellationToken);
            var held = await db.Credentials.Where(c => c.HolderPersonId == personId && c.Status == CredentialStatus.Active)
                .Select(c => c.ProgramId).ToListAsync(cancellationToken);
            if (!held.Any(program.AcceptsByReciprocity))
                throw new DomainRuleException($"Reciprocity needs an active credential from a program that {program.Name} accepts. You can apply for initial certification instead.");
        }
    }
}

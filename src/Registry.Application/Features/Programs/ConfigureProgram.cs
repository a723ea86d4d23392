using FluentValidation;
using Registry.Application.Common.Validation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;

namespace Registry.Application.Features.Programs;

/// <summary>A StateAdmin puts new requirements in force; the outgoing version is kept for applications submitted under it.</summary>
public static class ConfigureProgram
{
    [AllowedRoles(Roles.StateAdmin)]
    public sealed record Command : ICommand<int>, IProgramScoped
    {
        public Guid ProgramId { get; init; }
        public RequirementsModel Requirements { get; init; } = new();
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Requirements.TrainingHoursTotal).InclusiveBetween(0, 5000).WithName("Training hours");
            RuleFor(c => c.Requirements.SupervisedWorkHours).InclusiveBetween(0, 10000).WithName("Supervised work hours");
            RuleFor(c => c.Requirements.SupervisionHours).InclusiveBetween(0, 1000).WithName("Supervision hours");
            RuleFor(c => c.Requirements.RenewalCycleMonths).InclusiveBetween(1, 60).WithName("Renewal cycle");
            RuleFor(c => c.Requirements.ContinuingEducationHours).InclusiveBetween(0, 1000).WithName("Continuing education hours");
            RuleFor(c => c.Requirements.EthicsContinuingEducationHours).InclusiveBetween(0, 1000).WithName("Ethics CE hours");
            RuleFor(c => c.Requirements.ReinstatementContinuingEducationHours).InclusiveBetween(0, 1000).WithName("Reinstatement CE hours");
            RuleFor(c => c.Requirements.AppealWindowDays).InclusiveBetween(1, 365).WithName("Days to appeal a denial");
            RuleFor(c => c.Requirements.ExamRegistration).MaximumLength(1000).WithName("How to register for the exam");
            RuleFor(c => c.Requirements.ReinstatementRequiresExam).Equal(false).When(c => !c.Requirements.HasExam)
                .WithMessage("Reinstatement can require the exam only when the program has one.");
            RuleFor(c => c.Requirements.RenewsOnDay).NotNull().When(c => c.Requirements.RenewsOnMonth is not null).WithMessage("Give the day of the renewal date.");
            RuleFor(c => c.Requirements.RenewsOnMonth).NotNull().When(c => c.Requirements.RenewsOnDay is not null).WithMessage("Give the month of the renewal date.");
            RuleForEach(c => c.Requirements.TrainingDomains).ChildRules(d =>
            {
                d.RuleFor(x => x.Code).NotEmpty().MaximumLength(32).Matches("^[A-Za-z0-9_-]+$").WithMessage("A domain code is letters, digits, - or _.");
                d.RuleFor(x => x.Name).NotEmpty().MaximumLength(100).ReadableText();
                d.RuleFor(x => x.MinimumHours).InclusiveBetween(0, 1000);
            });
            RuleFor(c => c.Requirements.TrainingDomains).Must(d => d.Select(x => x.Code.Trim().ToUpperInvariant()).Distinct().Count() == d.Count)
                .WithMessage("Each training domain needs its own code.");
        }
    }

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command command, CancellationToken cancellationToken)
        {
            var program = await db.Programs.SingleAsync(p => p.Id == command.ProgramId, cancellationToken);
            var known = await db.AttestationWordings.Select(w => w.Code).Distinct().ToListAsync(cancellationToken);
            var unknown = command.Requirements.RequiredAttestations.Except(known).ToList();
            if (unknown.Count > 0) throw new NotFoundException("Attestation", string.Join(", ", unknown));
            var requirements = command.Requirements.ToRequirements();
            db.ProgramRequirementsVersions.Add(program.ChangeRequirements(requirements, user.UserId!.Value, clock.GetUtcNow()));
            return program.RequirementsVersion;
        }
    }
}

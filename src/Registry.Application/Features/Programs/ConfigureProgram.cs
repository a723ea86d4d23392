using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Domain.Jurisdictions;

namespace Registry.Application.Features.Programs;

/// <summary>A program's requirements as a StateAdmin edits them.</summary>
public sealed record RequirementsModel
{
    public decimal TrainingHoursTotal { get; init; }
    public IReadOnlyList<DomainModel> TrainingDomains { get; init; } = [];
    public decimal SupervisedWorkHours { get; init; }
    public decimal SupervisionHours { get; init; }
    public int ReferencesRequired { get; init; }
    public bool HasExam { get; init; }
    public int ExamPassingScore { get; init; }
    public int ExamRetakeWaitDays { get; init; }
    public int ExamAttemptsAllowed { get; init; } = 1;
    public int ExamAttemptWindowDays { get; init; } = 365;
    public IReadOnlyList<string> RequiredAttestations { get; init; } = [];
    public int RenewalCycleMonths { get; init; }
    public int? RenewsOnMonth { get; init; }
    public int? RenewsOnDay { get; init; }
    public decimal ContinuingEducationHours { get; init; }
    public decimal EthicsContinuingEducationHours { get; init; }
    public int CeAuditPercent { get; init; }

    /// <summary>CE hours to reinstate a lapsed credential; null for the same as a renewal.</summary>
    public decimal? ReinstatementContinuingEducationHours { get; init; }

    public bool ReinstatementRequiresExam { get; init; }
    public int GracePeriodDays { get; init; }
    public int RenewalWindowDays { get; init; }
    public IReadOnlyList<int> ReminderDays { get; init; } = [];
    public IReadOnlyList<Guid> ReciprocityProgramIds { get; init; } = [];

    public sealed record DomainModel(string Code, string Name, decimal MinimumHours);

    public static RequirementsModel From(ProgramRequirements r) => new()
    {
        TrainingHoursTotal = r.TrainingHoursTotal,
        TrainingDomains = r.TrainingDomains.Select(d => new DomainModel(d.Code, d.Name, d.MinimumHours)).ToList(),
        SupervisedWorkHours = r.SupervisedWorkHours, SupervisionHours = r.SupervisionHours, ReferencesRequired = r.ReferencesRequired,
        HasExam = r.Exam is not null, ExamPassingScore = r.Exam?.PassingScore ?? 0, ExamRetakeWaitDays = r.Exam?.RetakeWaitDays ?? 0,
        ExamAttemptsAllowed = r.Exam?.AttemptsAllowed ?? 1, ExamAttemptWindowDays = r.Exam?.AttemptWindowDays ?? 365,
        RequiredAttestations = r.RequiredAttestations, RenewalCycleMonths = r.RenewalCycleMonths, RenewsOnMonth = r.RenewsOnMonth, RenewsOnDay = r.RenewsOnDay,
        ContinuingEducationHours = r.ContinuingEducationHours, EthicsContinuingEducationHours = r.EthicsContinuingEducationHours,
        CeAuditPercent = r.CeAuditPercent, ReinstatementContinuingEducationHours = r.ReinstatementContinuingEducationHours,
        ReinstatementRequiresExam = r.ReinstatementRequiresExam, GracePeriodDays = r.GracePeriodDays, RenewalWindowDays = r.RenewalWindowDays,
        ReminderDays = r.ReminderDays, ReciprocityProgramIds = r.ReciprocityProgramIds,
    };

    /// <summary>The domain's requirements; the domain refuses combinations that make no sense.</summary>
    public ProgramRequirements ToRequirements() => new(
        TrainingHoursTotal, TrainingDomains.Select(d => new TrainingDomainRequirement(d.Code.Trim().ToUpperInvariant(), d.Name, d.MinimumHours)),
        SupervisedWorkHours, SupervisionHours, ReferencesRequired,
        HasExam ? new ExamRequirement(ExamPassingScore, ExamRetakeWaitDays, ExamAttemptsAllowed, ExamAttemptWindowDays) : null,
        RequiredAttestations, RenewalCycleMonths, ContinuingEducationHours, EthicsContinuingEducationHours, GracePeriodDays, RenewalWindowDays,
        ReciprocityProgramIds, RenewsOnMonth is { } month && RenewsOnDay is { } day ? new RenewalDate(month, day) : null, CeAuditPercent, ReminderDays,
        ReinstatementContinuingEducationHours, ReinstatementRequiresExam);
}

/// <summary>A program's current requirements, their version, and what can be chosen (attestations, other programs).</summary>
public static class GetProgramConfiguration
{
    [AllowedRoles(Roles.StateAdmin, Roles.SystemAdmin)]
    public sealed record Query(Guid ProgramId) : IRequest<Model>, IProgramScoped;

    public sealed record Model(Guid Id, string Code, string Name, string StateCode, int Version, RequirementsModel Requirements,
        IReadOnlyList<Choice> Attestations, IReadOnlyList<Choice> OtherPrograms);

    public sealed record Choice(string Value, string Label);

    public sealed class Handler(IRegistryDbContext db) : IRequestHandler<Query, Model>
    {
        public async Task<Model> Handle(Query query, CancellationToken cancellationToken)
        {
            var program = await db.Programs.AsNoTracking().SingleOrDefaultAsync(p => p.Id == query.ProgramId, cancellationToken)
                ?? throw new NotFoundException("Program", query.ProgramId);
            var wordings = await db.AttestationWordings.AsNoTracking().Select(w => new { w.Code, w.Title, w.Version }).ToListAsync(cancellationToken);
            var others = await db.Programs.AsNoTracking().Where(p => p.Id != program.Id)
                .Join(db.Jurisdictions, p => p.StateCode, j => j.Code, (p, j) => new { p.Id, p.Name, State = j.Name })
                .ToListAsync(cancellationToken);
            return new Model(program.Id, program.Code, program.Name, program.StateCode.Value, program.RequirementsVersion, RequirementsModel.From(program.Requirements),
                wordings.GroupBy(w => w.Code).Select(g => new Choice(g.Key, g.MaxBy(w => w.Version)!.Title)).OrderBy(c => c.Label).ToList(),
                others.OrderBy(o => o.State).Select(o => new Choice(o.Id.ToString(), $"{o.Name} ({o.State})")).ToList());
        }
    }
}

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
            RuleFor(c => c.Requirements.ReinstatementRequiresExam).Equal(false).When(c => !c.Requirements.HasExam)
                .WithMessage("Reinstatement can require the exam only when the program has one.");
            RuleFor(c => c.Requirements.RenewsOnDay).NotNull().When(c => c.Requirements.RenewsOnMonth is not null).WithMessage("Give the day of the renewal date.");
            RuleFor(c => c.Requirements.RenewsOnMonth).NotNull().When(c => c.Requirements.RenewsOnDay is not null).WithMessage("Give the month of the renewal date.");
            RuleForEach(c => c.Requirements.TrainingDomains).ChildRules(d =>
            {
                d.RuleFor(x => x.Code).NotEmpty().MaximumLength(32).Matches("^[A-Za-z0-9_-]+$").WithMessage("A domain code is letters, digits, - or _.");
                d.RuleFor(x => x.Name).NotEmpty().MaximumLength(100);
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

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

using Registry.Domain.Common;

namespace Registry.Domain.Jurisdictions;

/// <summary>What a program asks of applicants and holders, kept as data so each state can differ.</summary>
public sealed class ProgramRequirements
{
    private ProgramRequirements() { }

    public ProgramRequirements(
        decimal trainingHoursTotal,
        IEnumerable<TrainingDomainRequirement> trainingDomains,
        decimal supervisedWorkHours,
        decimal supervisionHours,
        int referencesRequired,
        ExamRequirement? exam,
        IEnumerable<string> requiredAttestations,
        int renewalCycleMonths,
        decimal continuingEducationHours,
        decimal ethicsContinuingEducationHours,
        int gracePeriodDays,
        int renewalWindowDays,
        IEnumerable<Guid>? reciprocityProgramIds = null)
    {
        var domains = trainingDomains.ToList();
        if (trainingHoursTotal < 0 || supervisedWorkHours < 0 || supervisionHours < 0 || continuingEducationHours < 0 || ethicsContinuingEducationHours < 0)
            throw new DomainRuleException("Required hours cannot be negative.");
        if (domains.Sum(d => d.MinimumHours) > trainingHoursTotal)
            throw new DomainRuleException("The training domains ask for more hours than the training total.");
        if (ethicsContinuingEducationHours > continuingEducationHours)
            throw new DomainRuleException("Ethics CE hours are part of the CE total and cannot exceed it.");
        if (referencesRequired is < 0 or > 10) throw new DomainRuleException("References required must be between 0 and 10.");
        if (renewalCycleMonths is < 1 or > 60) throw new DomainRuleException("A renewal cycle is between 1 and 60 months.");
        if (gracePeriodDays is < 0 or > 730) throw new DomainRuleException("A grace period is between 0 and 730 days.");
        if (renewalWindowDays is < 0 or > 365) throw new DomainRuleException("A renewal window is between 0 and 365 days.");

        TrainingHoursTotal = trainingHoursTotal;
        TrainingDomains = domains;
        SupervisedWorkHours = supervisedWorkHours;
        SupervisionHours = supervisionHours;
        ReferencesRequired = referencesRequired;
        Exam = exam;
        RequiredAttestations = requiredAttestations.Distinct().ToList();
        RenewalCycleMonths = renewalCycleMonths;
        ContinuingEducationHours = continuingEducationHours;
        EthicsContinuingEducationHours = ethicsContinuingEducationHours;
        GracePeriodDays = gracePeriodDays;
        RenewalWindowDays = renewalWindowDays;
        ReciprocityProgramIds = reciprocityProgramIds?.Distinct().ToList() ?? [];
    }

    public decimal TrainingHoursTotal { get; private set; }
    public List<TrainingDomainRequirement> TrainingDomains { get; private set; } = [];
    public decimal SupervisedWorkHours { get; private set; }
    public decimal SupervisionHours { get; private set; }
    public int ReferencesRequired { get; private set; }
    public ExamRequirement? Exam { get; private set; }
    public List<string> RequiredAttestations { get; private set; } = [];
    public int RenewalCycleMonths { get; private set; }
    public decimal ContinuingEducationHours { get; private set; }
    public decimal EthicsContinuingEducationHours { get; private set; }
    public int GracePeriodDays { get; private set; }
    public int RenewalWindowDays { get; private set; }
    public List<Guid> ReciprocityProgramIds { get; private set; } = [];
}

/// <summary>Minimum training hours in one of the program's domains (e.g. "Ethical responsibility").</summary>
public sealed class TrainingDomainRequirement
{
    private TrainingDomainRequirement() { }

    public TrainingDomainRequirement(string code, string name, decimal minimumHours)
    {
        if (string.IsNullOrWhiteSpace(code) || string.IsNullOrWhiteSpace(name)) throw new DomainRuleException("A training domain needs a code and a name.");
        if (minimumHours < 0) throw new DomainRuleException("Domain hours cannot be negative.");
        Code = code;
        Name = name;
        MinimumHours = minimumHours;
    }

    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public decimal MinimumHours { get; private set; }
}

/// <summary>The program's exam: passing score out of 100 (or the vendor's scale), retake wait and attempts per window.</summary>
public sealed class ExamRequirement
{
    private ExamRequirement() { }

    public ExamRequirement(int passingScore, int retakeWaitDays, int attemptsAllowed, int attemptWindowDays)
    {
        if (passingScore <= 0) throw new DomainRuleException("A passing score must be positive.");
        if (retakeWaitDays < 0 || attemptsAllowed < 1 || attemptWindowDays < 1) throw new DomainRuleException("Retake rules must allow at least one attempt.");
        PassingScore = passingScore;
        RetakeWaitDays = retakeWaitDays;
        AttemptsAllowed = attemptsAllowed;
        AttemptWindowDays = attemptWindowDays;
    }

    public int PassingScore { get; private set; }
    public int RetakeWaitDays { get; private set; }
    public int AttemptsAllowed { get; private set; }
    public int AttemptWindowDays { get; private set; }

    public bool IsPassing(int score) => score >= PassingScore;
}

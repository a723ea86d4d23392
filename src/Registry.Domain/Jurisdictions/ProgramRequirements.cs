using Registry.Domain.Common;
using Registry.Domain.Fees;

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
        IEnumerable<Guid>? reciprocityProgramIds = null,
        RenewalDate? renewsOn = null,
        int ceAuditPercent = 0,
        IEnumerable<int>? reminderDays = null,
        decimal? reinstatementContinuingEducationHours = null,
        bool reinstatementRequiresExam = false,
        int? appealWindowDays = null,
        IEnumerable<FeeRate>? fees = null,
        IEnumerable<EndorsementDefinition>? endorsements = null)
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
        if (renewsOn is { } date && (date.Month is < 1 or > 12 || date.Day < 1 || date.Day > DateTime.DaysInMonth(2001, date.Month)))
            throw new DomainRuleException("A calendar renewal date must be a real day of the year (29 February is not).");
        if (renewsOn is not null && renewalCycleMonths % 12 != 0) throw new DomainRuleException("A calendar-date renewal runs in whole years (12, 24 or 36 months).");
        RenewsOnMonth = renewsOn?.Month;
        RenewsOnDay = renewsOn?.Day;
        if (ceAuditPercent is < 0 or > 100) throw new DomainRuleException("The share of renewals audited is between 0 and 100 percent.");
        CeAuditPercent = ceAuditPercent;
        var reminders = (reminderDays ?? DefaultReminderDays).Distinct().OrderByDescending(d => d).ToList();
        if (reminders.Any(d => d is < 1 or > 365)) throw new DomainRuleException("Reminder days are between 1 and 365 days before expiry.");
        ReminderDays = reminders;
        if (reinstatementContinuingEducationHours is { } reinstatementHours && (reinstatementHours < 0 || reinstatementHours < ethicsContinuingEducationHours))
            throw new DomainRuleException("Reinstatement CE hours cannot be negative, and include the ethics CE hours.");
        if (reinstatementRequiresExam && exam is null) throw new DomainRuleException("Reinstatement can require the exam only when the program has one.");
        ReinstatementContinuingEducationHours = reinstatementContinuingEducationHours;
        ReinstatementRequiresExam = reinstatementRequiresExam;
        if (appealWindowDays is < 1 or > 365) throw new DomainRuleException("An appeal window is between 1 and 365 days, or none when the program offers no appeal.");
        AppealWindowDays = appealWindowDays;
        var rates = fees?.ToList() ?? [];
        if (rates.GroupBy(f => f.Kind).Any(g => g.Count() > 1)) throw new DomainRuleException("The fee schedule has one amount per kind of fee.");
        Fees = rates.OrderBy(f => f.Kind).ToList();
        var specialties = endorsements?.ToList() ?? [];
        if (specialties.GroupBy(e => e.Code).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new DomainRuleException($"Each endorsement needs its own code; {twice.Key} is used twice.");
        if (specialties.FirstOrDefault(e => e.TrainingDomainCode is { } code && domains.All(d => d.Code != code)) is { } unknownDomain)
            throw new DomainRuleException($"Endorsement {unknownDomain.Code} asks for hours in the domain {unknownDomain.TrainingDomainCode}, which is not one of the program's training domains.");
        Endorsements = specialties;
    }

    public static readonly IReadOnlyList<int> DefaultReminderDays = [90, 60, 30, 7];

    /// <summary>
    /// When a credential issued on <paramref name="issuedOn"/> expires: one cycle later, or, for a
    /// calendar-date program, on the first renewal date at least a cycle less one year away.
    /// </summary>
    public DateOnly ExpiryFor(DateOnly issuedOn)
    {
        if (RenewsOnMonth is not { } month || RenewsOnDay is not { } day) return issuedOn.AddMonths(RenewalCycleMonths);
        var earliest = issuedOn.AddMonths(RenewalCycleMonths - 12);
        var candidate = new DateOnly(earliest.Year, month, day);
        return candidate >= earliest ? candidate : candidate.AddYears(1);
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

    /// <summary>Set for a program that renews on a fixed date (e.g. every 31 December); null for a rolling cycle.</summary>
    public int? RenewsOnMonth { get; private set; }

    public int? RenewsOnDay { get; private set; }

    /// <summary>The share of renewals drawn at random for a CE evidence audit.</summary>
    public int CeAuditPercent { get; private set; }

    /// <summary>Days before expiry on which holders are reminded (the day of expiry always is).</summary>
    public List<int> ReminderDays { get; private set; } = [];

    /// <summary>CE hours a lapsed holder needs to be reinstated; null means the same as a renewal.</summary>
    public decimal? ReinstatementContinuingEducationHours { get; private set; }

    /// <summary>Whether a lapsed holder must pass the exam again (on or after the lapsed expiry) to be reinstated.</summary>
    public bool ReinstatementRequiresExam { get; private set; }

    /// <summary>Days after a denial (in the state's calendar) in which the applicant may appeal it; null when the program offers no appeal.</summary>
    public int? AppealWindowDays { get; private set; }

    /// <summary>The last day to appeal a denial made on <paramref name="deniedOn"/>; null when the program offers no appeal.</summary>
    public DateOnly? AppealUntil(DateOnly deniedOn) => AppealWindowDays is { } days ? deniedOn.AddDays(days) : null;

    private List<FeeRate>? _fees;

    /// <summary>
    /// The program's fee schedule, in US dollars; a kind missing from it (or an empty schedule) costs nothing.
    /// Requirements stored before fees existed have no schedule in their JSON, so none is read as an empty one.
    /// </summary>
    public List<FeeRate> Fees { get => _fees ??= []; private set => _fees = value; }

    private List<EndorsementDefinition>? _endorsements;

    /// <summary>The specialty endorsements the program grants on its credentials; requirements stored before endorsements existed have none.</summary>
    public List<EndorsementDefinition> Endorsements { get => _endorsements ??= []; private set => _endorsements = value; }

    public EndorsementDefinition? Endorsement(string code) => Endorsements.SingleOrDefault(e => e.Code == code.Trim().ToUpperInvariant());

    /// <summary>What a transaction of <paramref name="kind"/> costs the person, by the lowest rate they qualify for.</summary>
    public FeeQuote QuoteFee(FeeKind kind, bool holdsPeerCredential, bool militaryOrVeteran) =>
        Fees.SingleOrDefault(f => f.Kind == kind)?.QuoteFor(holdsPeerCredential, militaryOrVeteran) ?? FeeQuote.Nothing(kind);

    /// <summary>The CE hours an application of this kind needs: reinstatement may differ from renewal.</summary>
    public decimal ContinuingEducationHoursFor(bool reinstatement) =>
        reinstatement ? ReinstatementContinuingEducationHours ?? ContinuingEducationHours : ContinuingEducationHours;
}

/// <summary>A day of the year on which a calendar-date program's credentials expire.</summary>
public readonly record struct RenewalDate(int Month, int Day);

/// <summary>Minimum training hours in one of the program's domains (e.g. "Ethical responsibility").</summary>
public sealed class TrainingDomainRequirement
{
    private TrainingDomainRequirement() { }

    public TrainingDomainRequirement(string code, string name, decimal minimumHours)
    {
        if (string.IsNullOrWhiteSpace(code) || string.IsNullOrWhiteSpace(name)) throw new DomainRuleException("A training domain needs a code and a name.");
        if (minimumHours < 0) throw new DomainRuleException("Domain hours cannot be negative.");
        Code = code;
        Name = ReadableText.Normalise(name);
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

    public ExamRequirement(int passingScore, int retakeWaitDays, int attemptsAllowed, int attemptWindowDays, string? registration = null)
    {
        if (passingScore <= 0) throw new DomainRuleException("A passing score must be positive.");
        if (retakeWaitDays < 0 || attemptsAllowed < 1 || attemptWindowDays < 1) throw new DomainRuleException("Retake rules must allow at least one attempt.");
        PassingScore = passingScore;
        RetakeWaitDays = retakeWaitDays;
        AttemptsAllowed = attemptsAllowed;
        AttemptWindowDays = attemptWindowDays;
        var howToRegister = string.IsNullOrWhiteSpace(registration) ? null : registration.Trim();
        if (howToRegister is { Length: > RegistrationMaxLength }) throw new DomainRuleException($"How to register for the exam is at most {RegistrationMaxLength} characters.");
        Registration = howToRegister;
    }

    public const int RegistrationMaxLength = 1000;

    public int PassingScore { get; private set; }
    public int RetakeWaitDays { get; private set; }
    public int AttemptsAllowed { get; private set; }
    public int AttemptWindowDays { get; private set; }

    /// <summary>How applicants register for the exam (the vendor, a web address, a phone number), in plain words; null when not given.</summary>
    public string? Registration { get; private set; }

    public bool IsPassing(int score) => score >= PassingScore;
}

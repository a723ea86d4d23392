namespace Registry.Domain.Jurisdictions;

/// <summary>A starting point for a new program's requirements, copied from a real model; the state adjusts it before saving.</summary>
/// <remarks><see cref="Build"/> makes new requirements each time: one program's saved requirements are never another's.</remarks>
public sealed record ProgramTemplate(string Key, string Name, string Description, Func<ProgramRequirements> Build);

/// <summary>The templates a StateAdmin can start a program from. They are data: each builds ordinary, valid requirements.</summary>
public static class ProgramTemplates
{
    /// <summary>The attestations every template asks for; their wordings are the registry's standard ones.</summary>
    public static readonly IReadOnlyList<string> StandardAttestations = ["lived-experience", "code-of-ethics", "truthfulness"];

    public static IReadOnlyList<ProgramTemplate> All { get; } =
    [
        new("icrc-peer-recovery", "IC&RC Peer Recovery",
            "The IC&RC peer recovery model: 46 hours of training in four areas, 500 hours of supervised work with 25 hours of supervision, " +
            "the IC&RC Peer Recovery exam, and renewal every 2 years with 20 hours of continuing education, 6 of them in ethics.",
            IcrcPeerRecovery),
        new("annual-calendar-year", "Annual, renewing every 31 December",
            "Every credential expires on 31 December and is renewed each year with 12 hours of continuing education, 2 of them in ethics.",
            AnnualCalendarYear),
        new("biennial", "Every 2 years from the issue date",
            "Each credential runs for 2 years from the day it is issued and is renewed with 24 hours of continuing education, 3 of them in ethics.",
            Biennial),
    ];

    public static ProgramTemplate? Find(string key) => All.FirstOrDefault(t => t.Key == key);

    /// <summary>
    /// IC&amp;RC's published peer recovery standard. The exam is scored on IC&amp;RC's scale of 200 to 800, passed at 500; the registry keeps
    /// only the passing score. Assumptions of this template, not IC&amp;RC's: renewal every 24 months with 20 CE hours of which 6 in ethics
    /// (member boards set their own), a 60-day wait before a retake with 3 attempts a year, and 30 days to appeal a denial.
    /// </summary>
    private static ProgramRequirements IcrcPeerRecovery() => new(
        trainingHoursTotal: 46,
        trainingDomains:
        [
            new("ADVOCACY", "Advocacy", 10), new("MENTORING", "Mentoring and education", 10),
            new("RECOVERY", "Recovery and wellness support", 10), new("ETHICS", "Ethical responsibility", 16),
        ],
        supervisedWorkHours: 500, supervisionHours: 25, referencesRequired: 0,
        exam: new ExamRequirement(passingScore: 500, retakeWaitDays: 60, attemptsAllowed: 3, attemptWindowDays: 365),
        requiredAttestations: StandardAttestations,
        renewalCycleMonths: 24, continuingEducationHours: 20, ethicsContinuingEducationHours: 6,
        gracePeriodDays: 30, renewalWindowDays: 90, appealWindowDays: 30);

    /// <summary>A calendar-year program: a credential expires on the first 31 December on or after the day it is issued.</summary>
    private static ProgramRequirements AnnualCalendarYear() => new(
        trainingHoursTotal: 40, trainingDomains: [new("ETHICS", "Ethical responsibility", 6)],
        supervisedWorkHours: 0, supervisionHours: 0, referencesRequired: 0, exam: null,
        requiredAttestations: StandardAttestations,
        renewalCycleMonths: 12, continuingEducationHours: 12, ethicsContinuingEducationHours: 2,
        gracePeriodDays: 30, renewalWindowDays: 60, renewsOn: new RenewalDate(12, 31), appealWindowDays: 30);

    private static ProgramRequirements Biennial() => new(
        trainingHoursTotal: 40, trainingDomains: [new("ETHICS", "Ethical responsibility", 6)],
        supervisedWorkHours: 0, supervisionHours: 0, referencesRequired: 0, exam: null,
        requiredAttestations: StandardAttestations,
        renewalCycleMonths: 24, continuingEducationHours: 24, ethicsContinuingEducationHours: 3,
        gracePeriodDays: 30, renewalWindowDays: 90, appealWindowDays: 30);
}

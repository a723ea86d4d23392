using Registry.Domain.Jurisdictions;

namespace Registry.Domain.Tests.Support;

/// <summary>Real domain objects for tests: Tennessee and its Certified Peer Recovery Specialist program.</summary>
internal static class Tennessee
{
    public const int RenewalCycleMonths = 24;
    public const int GracePeriodDays = 90;

    /// <summary>Valid requirements; each argument can be changed to probe one guard.</summary>
    public static ProgramRequirements Requirements(
        decimal trainingHours = 46,
        decimal domainHours = 6,
        decimal supervisedWorkHours = 500,
        decimal supervisionHours = 25,
        int referencesRequired = 2,
        int renewalCycleMonths = RenewalCycleMonths,
        decimal continuingEducationHours = 30,
        decimal ethicsHours = 6,
        int gracePeriodDays = GracePeriodDays,
        int renewalWindowDays = 90,
        IEnumerable<string>? attestations = null,
        IEnumerable<Guid>? reciprocityProgramIds = null) =>
        new(
            trainingHours,
            [new TrainingDomainRequirement("ETH", "Ethical responsibility", domainHours)],
            supervisedWorkHours,
            supervisionHours,
            referencesRequired,
            new ExamRequirement(passingScore: 70, retakeWaitDays: 30, attemptsAllowed: 3, attemptWindowDays: 365),
            attestations ?? ["I have lived experience of recovery."],
            renewalCycleMonths,
            continuingEducationHours,
            ethicsHours,
            gracePeriodDays,
            renewalWindowDays,
            reciprocityProgramIds);

    public static Jurisdiction State() => new(StateCode.Parse("TN"), "Tennessee", "America/Chicago");

    public static CredentialProgram Cprs() =>
        State().AddProgram("CPRS", "Certified Peer Recovery Specialist", Requirements());
}

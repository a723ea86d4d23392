using Registry.Domain.Fees;
using Registry.Domain.Jurisdictions;
using Registry.Domain.People;

namespace Registry.Testing;

/// <summary>Small, valid domain objects for tests to arrange with.</summary>
public static class TestData
{
    public static Jurisdiction State(string code, string name, string programCode = "CPS", ProgramRequirements? requirements = null, string timeZone = "America/Chicago")
    {
        var state = new Jurisdiction(StateCode.Parse(code), name, timeZone);
        state.AddProgram(programCode, $"{name} Certified Peer Specialist", requirements ?? Requirements());
        return state;
    }

    /// <summary>A program that asks for nothing (and charges the fees given), for tests about the status machine rather than the checklist.</summary>
    public static ProgramRequirements NoRequirements(params FeeRate[] fees) => new(
        trainingHoursTotal: 0, trainingDomains: [], supervisedWorkHours: 0, supervisionHours: 0, referencesRequired: 0, exam: null,
        requiredAttestations: [], renewalCycleMonths: 24, continuingEducationHours: 0, ethicsContinuingEducationHours: 0,
        gracePeriodDays: 30, renewalWindowDays: 90, fees: fees);

    public static ProgramRequirements Requirements(int renewalCycleMonths = 24, int gracePeriodDays = 30) => new(
        trainingHoursTotal: 46,
        trainingDomains: [new("ETHICS", "Ethical responsibility", 16), new("ADVOCACY", "Advocacy", 10)],
        supervisedWorkHours: 500, supervisionHours: 25, referencesRequired: 2,
        exam: new ExamRequirement(passingScore: 70, retakeWaitDays: 30, attemptsAllowed: 3, attemptWindowDays: 365),
        requiredAttestations: ["lived-experience", "code-of-ethics"],
        renewalCycleMonths: renewalCycleMonths, continuingEducationHours: 30, ethicsContinuingEducationHours: 6,
        gracePeriodDays: gracePeriodDays, renewalWindowDays: 90);

    public static Person Person(string first = "Robin", string last = "Alvarez") =>
        new(first, last, $"{first}.{last}.{Guid.NewGuid():N}@example.org".ToLowerInvariant());
}

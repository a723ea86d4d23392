using Registry.Domain.Applications;
using Registry.Domain.Jurisdictions;
using Registry.Domain.People;
using Registry.Testing;

namespace Registry.Application.Tests.Features.Journey;

/// <summary>A Tennessee program asking for training, two attestations and a disclosure, and one applicant with a draft.</summary>
public sealed record JourneyScenario(Jurisdiction State, Person Applicant, CertificationApplication Application)
{
    public CredentialProgram Program => State.Programs[0];

    public static ProgramRequirements Requirements() => new(
        trainingHoursTotal: 6, trainingDomains: [new("ETHICS", "Ethical responsibility", 4)], supervisedWorkHours: 0, supervisionHours: 0,
        referencesRequired: 0, exam: new ExamRequirement(70, 30, 3, 365),
        requiredAttestations: ["lived-experience", "code-of-ethics", "criminal-history"],
        renewalCycleMonths: 24, continuingEducationHours: 0, ethicsContinuingEducationHours: 0, gracePeriodDays: 30, renewalWindowDays: 90);

    public static async Task<JourneyScenario> ArrangeAsync(SliceFixture fixture)
    {
        var state = TestData.State("TN", "Tennessee", "CPRS", Requirements());
        var person = TestData.Person("Robin", "Alvarez");
        person.UpdateContact("615-555-0199", new DateOnly(1988, 5, 1), null);
        var application = CertificationApplication.Start(person.Id, state.Programs[0].Id, ApplicationType.Initial, Guid.NewGuid(), fixture.Clock.GetUtcNow().AddDays(-1));
        await fixture.InsertAsync(state, person, application);
        return new JourneyScenario(state, person, application);
    }
}

using Registry.Domain.Jurisdictions;
using Registry.Domain.People;
using Registry.Testing;

namespace Registry.Application.Tests.Features.Applications;

/// <summary>Two states with one program each and two applicants, inserted into the real database.</summary>
public sealed record ApplicationScenario(Jurisdiction Tennessee, Jurisdiction Pennsylvania, Person Applicant, Person OtherApplicant)
{
    public CredentialProgram TennesseeProgram => Tennessee.Programs[0];
    public CredentialProgram PennsylvaniaProgram => Pennsylvania.Programs[0];

    public static async Task<ApplicationScenario> ArrangeAsync(SliceFixture fixture)
    {
        var scenario = new ApplicationScenario(
            TestData.State("TN", "Tennessee", "CPRS", TestData.NoRequirements()), TestData.State("PA", "Pennsylvania", "CPS", TestData.NoRequirements()),
            TestData.Person("Robin", "Alvarez"), TestData.Person("Kai", "Morrow"));
        await fixture.InsertAsync(scenario.Tennessee, scenario.Pennsylvania, scenario.Applicant, scenario.OtherApplicant);
        return scenario;
    }
}

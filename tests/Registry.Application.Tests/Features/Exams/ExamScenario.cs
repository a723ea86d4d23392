using System.Security.Claims;
using Registry.Domain.Applications;
using Registry.Domain.Jurisdictions;
using Registry.Domain.People;
using Registry.Testing;

namespace Registry.Application.Tests.Features.Exams;

/// <summary>Tennessee's program with an exam (pass 70, 30 days between sittings, 3 per 365 days), two applicants and a stranger.</summary>
public sealed record ExamScenario(Jurisdiction Tennessee, Jurisdiction Pennsylvania, Person Applicant, Person OtherApplicant, Person Stranger)
{
    public CredentialProgram Program => Tennessee.Programs[0];
    public ClaimsPrincipal Reviewer { get; } = TestUsers.Reviewer("TN");
    public static DateOnly Today => TestClock.StartDay;

    public static async Task<ExamScenario> ArrangeAsync(SliceFixture fixture)
    {
        var scenario = new ExamScenario(
            TestData.State("TN", "Tennessee", "CPRS", TestData.Requirements()), TestData.State("PA", "Pennsylvania", "CPS", TestData.Requirements()),
            TestData.Person("Robin", "Alvarez"), TestData.Person("Kai", "Morrow"), TestData.Person("Sam", "Nobody"));
        await fixture.InsertAsync(scenario.Tennessee, scenario.Pennsylvania, scenario.Applicant, scenario.OtherApplicant, scenario.Stranger);
        await fixture.InsertAsync(
            CertificationApplication.Start(scenario.Applicant.Id, scenario.Program.Id, ApplicationType.Initial, Guid.NewGuid(), fixture.Clock.GetUtcNow()),
            CertificationApplication.Start(scenario.OtherApplicant.Id, scenario.Program.Id, ApplicationType.Initial, Guid.NewGuid(), fixture.Clock.GetUtcNow()));
        return scenario;
    }
}

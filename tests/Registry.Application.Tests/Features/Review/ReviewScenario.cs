using Registry.Application.Features.Applications;
using Registry.Domain.Applications;
using Registry.Domain.Jurisdictions;
using Registry.Domain.People;
using Registry.Testing;

namespace Registry.Application.Tests.Features.Review;

/// <summary>A Tennessee program and applications taken as far as the test needs: submitted, or under review.</summary>
public sealed record ReviewScenario(Jurisdiction State, SliceFixture Fixture)
{
    public CredentialProgram Program => State.Programs[0];

    /// <summary>Asks for nothing but a passed exam, which staff record after submission.</summary>
    public static ProgramRequirements ExamOnly() => new(
        trainingHoursTotal: 0, trainingDomains: [], supervisedWorkHours: 0, supervisionHours: 0, referencesRequired: 0,
        exam: new ExamRequirement(70, 30, 3, 365), requiredAttestations: [], renewalCycleMonths: 24, continuingEducationHours: 0,
        ethicsContinuingEducationHours: 0, gracePeriodDays: 30, renewalWindowDays: 90);

    public static async Task<ReviewScenario> ArrangeAsync(SliceFixture fixture, ProgramRequirements? requirements = null)
    {
        var state = TestData.State("TN", "Tennessee", "CPRS", requirements ?? TestData.NoRequirements());
        await fixture.InsertAsync(state);
        return new ReviewScenario(state, fixture);
    }

    public async Task<(Person Person, CertificationApplication Application)> DraftAsync(string first = "Robin", DateTimeOffset? at = null)
    {
        var person = TestData.Person(first);
        var application = CertificationApplication.Start(person.Id, Program.Id, ApplicationType.Initial, Guid.NewGuid(), at ?? Fixture.Clock.GetUtcNow().AddDays(-1));
        await Fixture.InsertAsync(person, application);
        return (person, application);
    }

    public async Task<(Person Person, CertificationApplication Application)> SubmittedAsync(string first = "Robin")
    {
        var draft = await DraftAsync(first);
        await Fixture.SendAsync(new SubmitApplication.Command(draft.Application.Id), TestUsers.Applicant(draft.Person.Id));
        return draft;
    }

    public async Task<(Person Person, CertificationApplication Application)> UnderReviewAsync(string first = "Robin")
    {
        var submitted = await SubmittedAsync(first);
        await Fixture.SendAsync(new BeginReview.Command(submitted.Application.Id), TestUsers.Reviewer("TN"));
        return submitted;
    }
}

using Microsoft.Extensions.DependencyInjection;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Domain.Applications;
using Registry.Domain.Documents;
using Registry.Domain.Eligibility;
using Registry.Domain.Jurisdictions;
using Registry.Testing;

namespace Registry.Web.Tests.Review;

/// <summary>A Tennessee program asking for nothing, applications already under review, and one user of every kind.</summary>
public static class ReviewWebScenario
{
    public const string Applicant = "applicant@test.example";
    public const string Employer = "employer@test.example";
    public const string OtherStateReviewer = "reviewer.oh@test.example";
    public const string Reviewer = "reviewer.tn@test.example";
    public const string StateAdmin = "admin.tn@test.example";

    /// <summary>Asks for nothing but a passed exam (passing score 70), which staff record after submission.</summary>
    public static ProgramRequirements ExamOnly() => new(
        trainingHoursTotal: 0, trainingDomains: [], supervisedWorkHours: 0, supervisionHours: 0, referencesRequired: 0,
        exam: new ExamRequirement(70, 30, 3, 365), requiredAttestations: [], renewalCycleMonths: 24, continuingEducationHours: 0,
        ethicsContinuingEducationHours: 0, gracePeriodDays: 30, renewalWindowDays: 90);

    /// <summary>Returns the applications' ids; the first belongs to <see cref="Applicant"/>.</summary>
    public static async Task<Guid[]> UnderReviewAsync(WebFixture fixture, int count = 1, int trainingRecords = 0, byte[]? evidence = null,
        ProgramRequirements? requirements = null)
    {
        var state = TestData.State("TN", "Tennessee", "CPRS", requirements ?? TestData.NoRequirements());
        await fixture.InsertAsync(state);
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var person = TestData.Person("Robin", $"Alvarez{i}");
            var at = fixture.Factory.Clock.GetUtcNow().AddDays(-3 + i);
            var application = CertificationApplication.Start(person.Id, state.Programs[0].Id, ApplicationType.Initial, Guid.NewGuid(), at);
            var dates = new RecordDates(TestClock.StartDay, null);
            Guid? evidenceId = null;
            if (evidence is not null)
            {
                var key = $"review-tests/{Guid.NewGuid():N}";
                await using (var scope = fixture.Factory.Services.CreateAsyncScope())
                    await scope.ServiceProvider.GetRequiredService<IDocumentStore>().SaveAsync(key, new MemoryStream(evidence));
                var document = new EvidenceDocument(person.Id, "certificate.pdf", EvidenceFileType.Pdf, evidence.Length, "test", key, at);
                await fixture.InsertAsync(person, document);
                evidenceId = document.Id;
            }
            for (var t = 0; t < trainingRecords; t++)
                application.AddTrainingRecord(TestData.NoRequirements(), $"Course {t}", "State office", null, 4, dates.Today.AddDays(-10 - t), evidenceId, dates);
            var eligibility = EligibilityCheck.Evaluate(TestData.NoRequirements(), ApplicantRecords.Of(application, []), new Dictionary<string, string>(), false);
            application.Submit(Guid.NewGuid(), at, eligibility);
            application.BeginReview(Guid.NewGuid(), at);
            await fixture.InsertAsync(evidence is null ? [person, application] : [application]);
            if (i == 0) await fixture.CreateUserAsync(Applicant, Roles.Applicant, personId: person.Id);
            ids.Add(application.Id);
        }
        await fixture.CreateUserAsync(Employer, Roles.Employer);
        await fixture.CreateUserAsync(OtherStateReviewer, Roles.Reviewer, state: "OH");
        await fixture.CreateUserAsync(Reviewer, Roles.Reviewer, state: "TN");
        await fixture.CreateUserAsync(StateAdmin, Roles.StateAdmin, state: "TN");
        return [.. ids];
    }
}

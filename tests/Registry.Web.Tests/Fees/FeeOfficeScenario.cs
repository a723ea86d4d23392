using Registry.Application.Common.Security;
using Registry.Domain.Applications;
using Registry.Domain.Eligibility;
using Registry.Domain.Employers;
using Registry.Domain.Fees;
using Registry.Domain.Jurisdictions;
using Registry.Domain.People;
using Registry.Testing;

namespace Registry.Web.Tests.Fees;

/// <summary>
/// Tennessee's board with one submitted application waiting for its $60.00 fee, an approved employer, and one user of
/// every kind: the applicant, another applicant, the employer, TN's reviewer and StateAdmin, and Ohio's StateAdmin.
/// </summary>
public sealed record FeeOfficeScenario(Jurisdiction State, Person Person, CertificationApplication Application, Fee Fee, Employer Employer)
{
    public const string Applicant = "fee.applicant@test.example";
    public const string OtherApplicant = "other.applicant@test.example";
    public const string EmployerUser = "fee.employer@test.example";
    public const string Reviewer = "fee.reviewer.tn@test.example";
    public const string StateAdmin = "fee.admin.tn@test.example";
    public const string OtherStateAdmin = "fee.admin.oh@test.example";

    public static async Task<FeeOfficeScenario> CreateAsync(WebFixture fixture, decimal amount = 60m)
    {
        var at = fixture.Factory.Clock.GetUtcNow().AddDays(-2);
        var state = TestData.State("TN", "Tennessee", "CPRS", TestData.NoRequirements());
        state.ChangeContact(new BoardContact("Tennessee Peer Certification Board", "1 Capitol Way, Nashville, TN", "fees@tn-board.example", "615-555-0100", null));
        var person = TestData.Person("Robin", "Alvarez");
        var other = TestData.Person("Sam", "Other");
        var application = CertificationApplication.Start(person.Id, state.Programs[0].Id, ApplicationType.Initial, Guid.NewGuid(), at);
        application.Submit(Guid.NewGuid(), at, EligibilityCheck.Evaluate(TestData.NoRequirements(), ApplicantRecords.Of(application, []), new Dictionary<string, string>(), false));
        application.AwaitFee();
        var fee = Fee.Owe(state.Code, state.Programs[0].Id, person.Id, new FeeQuote(FeeKind.InitialApplication, amount, FeeBasis.Standard), 1, at, application.Id);
        var employer = new Employer("Recovery Works", "hr@recovery.example", state.Code, at);
        employer.Approve(null, at);
        await fixture.InsertAsync(state, person, other, application, employer, fee);
        await fixture.CreateUserAsync(Applicant, Roles.Applicant, personId: person.Id);
        await fixture.CreateUserAsync(OtherApplicant, Roles.Applicant, personId: other.Id);
        await fixture.CreateUserAsync(EmployerUser, Roles.Employer, employerId: employer.Id);
        await fixture.CreateUserAsync(Reviewer, Roles.Reviewer, state: "TN");
        await fixture.CreateUserAsync(StateAdmin, Roles.StateAdmin, state: "TN");
        await fixture.CreateUserAsync(OtherStateAdmin, Roles.StateAdmin, state: "OH");
        return new FeeOfficeScenario(state, person, application, fee, employer);
    }
}

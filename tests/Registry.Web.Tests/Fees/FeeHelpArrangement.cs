using Registry.Domain.Applications;
using Registry.Domain.Eligibility;
using Registry.Domain.Employers;
using Registry.Domain.Fees;
using Registry.Domain.Jurisdictions;
using Registry.Domain.People;
using Registry.Testing;

namespace Registry.Web.Tests.Fees;

/// <summary>Texas and Pennsylvania, a person whose submitted application waits for its $60 fee, staff, and an approved Texas employer.</summary>
internal sealed record FeeHelpArrangement(Jurisdiction Texas, Jurisdiction Pennsylvania, Person Person, CertificationApplication Application, Fee Fee, Employer Employer)
{
    public const string TexasAdmin = "admin@tx.example";
    public const string PennsylvaniaAdmin = "admin@pa.example";
    public const string TexasReviewer = "reviewer@tx.example";
    public const string Applicant = "applicant@fees.example";
    public const string EmployerUser = "hr@employer.example";
    public const string OtherApplicant = "other@fees.example";

    public static async Task<FeeHelpArrangement> ArrangeAsync(WebFixture fixture, DateTimeOffset now)
    {
        var texas = TestData.State("TX", "Texas", "PS", TestData.NoRequirements());
        // More programs, so the person can have more than one open application waiting for a fee.
        texas.AddProgram("RPS", "Texas Recovery Peer Specialist", TestData.NoRequirements());
        texas.AddProgram("PPS", "Texas Parent Peer Specialist", TestData.NoRequirements());
        var pennsylvania = TestData.State("PA", "Pennsylvania", "CPS", TestData.NoRequirements());
        var person = TestData.Person("Jordan", "Reyes");
        var other = TestData.Person("Sam", "Okafor");
        var employer = new Employer("Harbor Recovery Center", "hr@harbor.example", texas.Code, now);
        employer.Approve(null, now);
        await fixture.InsertAsync(texas, pennsylvania, person, other, employer);
        var (application, fee) = await OweAsync(fixture, texas, person, now, program: 0);
        await fixture.CreateUserAsync(TexasAdmin, "StateAdmin", "TX");
        await fixture.CreateUserAsync(PennsylvaniaAdmin, "StateAdmin", "PA");
        await fixture.CreateUserAsync(TexasReviewer, "Reviewer", "TX");
        await fixture.CreateUserAsync(Applicant, "Applicant", personId: person.Id);
        await fixture.CreateUserAsync(OtherApplicant, "Applicant", personId: other.Id);
        await fixture.CreateUserAsync(EmployerUser, "Employer", employerId: employer.Id);
        return new FeeHelpArrangement(texas, pennsylvania, person, application, fee, employer);
    }

    /// <summary>Another submitted application of the person's (to the state's <paramref name="program"/>th program), waiting for its fee.</summary>
    public static async Task<(CertificationApplication Application, Fee Fee)> OweAsync(WebFixture fixture, Jurisdiction state, Person person, DateTimeOffset now,
        decimal amount = 60m, int program = 1)
    {
        var chosen = state.Programs[program];
        var application = CertificationApplication.Start(person.Id, chosen.Id, ApplicationType.Initial, Guid.NewGuid(), now);
        application.Submit(Guid.NewGuid(), now, new EligibilityResult([]));
        application.AwaitFee();
        var fee = Fee.Owe(state.Code, chosen.Id, person.Id, new FeeQuote(FeeKind.InitialApplication, amount, FeeBasis.Standard), 1, now, application.Id);
        await fixture.InsertAsync(application, fee);
        return (application, fee);
    }

    /// <summary>A fund of the state paying application fees, with a budget for the fiscal year of <paramref name="today"/>.</summary>
    public static async Task<FeeFund> FundAsync(WebFixture fixture, StateCode state, DateOnly today, decimal budget, string name = "Scholarship")
    {
        var fund = new FeeFund(state, name, null, 7, 1, [FeeKind.InitialApplication, FeeKind.Renewal]);
        fund.SetBudget(today, budget);
        await fixture.InsertAsync(fund);
        return fund;
    }
}

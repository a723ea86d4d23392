using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Registry.Domain.Applications;
using Registry.Domain.Eligibility;
using Registry.Domain.Jurisdictions;
using Registry.Domain.People;
using Registry.Testing;

namespace Registry.Application.Tests.Features.Records;

/// <summary>
/// Tennessee (two training domains, 25 supervision hours, two references) and Pennsylvania; an applicant
/// born on 1 June 1990 with a draft in Tennessee, and a second applicant with a draft in Pennsylvania.
/// </summary>
public sealed partial record RecordsScenario(Jurisdiction Tennessee, Jurisdiction Pennsylvania, Person Applicant, Person OtherApplicant,
    CertificationApplication Draft, CertificationApplication OtherDraft)
{
    public static readonly DateOnly BornOn = new(1990, 6, 1);

    public CredentialProgram TennesseeProgram => Tennessee.Programs[0];

    public static async Task<RecordsScenario> ArrangeAsync(SliceFixture fixture)
    {
        var tennessee = TestData.State("TN", "Tennessee", "CPRS");
        var pennsylvania = TestData.State("PA", "Pennsylvania", "CPS");
        var applicant = TestData.Person("Robin", "Alvarez");
        applicant.UpdateContact(null, BornOn, null);
        var other = TestData.Person("Kai", "Morrow");
        var now = fixture.Clock.GetUtcNow();
        var draft = CertificationApplication.Start(applicant.Id, tennessee.Programs[0].Id, ApplicationType.Initial, Guid.NewGuid(), now);
        var otherDraft = CertificationApplication.Start(other.Id, pennsylvania.Programs[0].Id, ApplicationType.Initial, Guid.NewGuid(), now);
        await fixture.InsertAsync(tennessee, pennsylvania, applicant, other, draft, otherDraft);
        return new RecordsScenario(tennessee, pennsylvania, applicant, other, draft, otherDraft);
    }

    /// <summary>A second Tennessee application of the applicant's, already submitted.</summary>
    public async Task<Guid> SubmittedApplicationAsync(SliceFixture fixture)
    {
        var program = new Jurisdiction(StateCode.Parse("GA"), "Georgia", "America/New_York");
        program.AddProgram("CPS", "Georgia Certified Peer Specialist", TestData.NoRequirements());
        var submitted = CertificationApplication.Start(Applicant.Id, program.Programs[0].Id, ApplicationType.Initial, Guid.NewGuid(), fixture.Clock.GetUtcNow());
        submitted.Submit(Guid.NewGuid(), fixture.Clock.GetUtcNow(), EligibilityResult.NothingRequired);
        await fixture.InsertAsync(program, submitted);
        return submitted.Id;
    }

    public System.Security.Claims.ClaimsPrincipal AsApplicant => TestUsers.Applicant(Applicant.Id);

    public static DateOnly Today => TestClock.StartDay;

    /// <summary>The supervision line of the program's checklist, as the domain's eligibility rule reads the stored records.</summary>
    public async Task<RequirementResult> SupervisionCheckAsync(SliceFixture fixture)
    {
        var application = await fixture.QueryAsync(db => db.Applications.Include(a => a.SupervisionLogs).SingleAsync(a => a.Id == Draft.Id));
        var result = EligibilityCheck.Evaluate(TennesseeProgram.Requirements, ApplicantRecords.Of(application, []), new Dictionary<string, string>(), false);
        return result.Requirements.Single(r => r.Code == "supervision");
    }

    /// <summary>The token in the link of the newest confirmation e-mail to <paramref name="email"/>.</summary>
    public static async Task<string> TokenMailedToAsync(SliceFixture fixture, string email)
    {
        var body = (await fixture.QueryAsync(db => db.Notifications.Where(n => n.RecipientEmail == email).OrderByDescending(n => n.CreatedAt).FirstAsync())).Rendered().Text;
        return Uri.UnescapeDataString(ConfirmLink().Match(body).Groups[1].Value);
    }

    [GeneratedRegex(@"/Confirm/(\S+)")]
    private static partial Regex ConfirmLink();
}

using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Application.Common.Security;
using Registry.Application.Features.Employers;
using Registry.Domain.Applications;
using Registry.Domain.Attestations;
using Registry.Domain.Credentials;
using Registry.Domain.Employers;
using Registry.Domain.Exams;
using Registry.Domain.Jurisdictions;
using Registry.Domain.People;
using Registry.Domain.Workforce;
using Registry.Infrastructure.Identity;
using Registry.Testing;

namespace Registry.Web.Tests.Verification;

/// <summary>
/// A Tennessee program, a holder whose private fields hold sentinel strings (plus a suspension, a public
/// action with a private reason), a second holder, and an approved employer with a user and an API key.
/// </summary>
public sealed class VerificationWebScenario
{
    public static readonly DateOnly SentinelBirthDate = new(1917, 3, 29);
    public const int SentinelScore = 937;

    /// <summary>Strings that exist only in private fields; none may appear in any public answer.</summary>
    public static readonly string[] Sentinels =
    [
        "SNTL-ADDRESS-LINE-4471", "SNTL-CITY-XYLOVILLE", "SNTL-COUNTY-QUOKKA", "SNTL-99871", "SNTL-LIVED-EXPERIENCE-STATEMENT",
        "SNTL-SUPERVISION-NOTES", "SNTL-SUSPENSION-REASON", "sntl-private-email", "555-0199",
        "1917-03-29", "March 29, 1917", "3/29/1917", "29/03/1917", "17-03-29",
        // The holder's voluntary workforce answers: words and codes no public or employer answer otherwise shows.
        "Native Hawaiian", "NativeHawaiian", "Tagalog", "Pickett", "47137", "Recovery community organization", "RecoveryCommunityOrganization",
        "Non-binary", "NonBinary",
    ];

    /// <summary>The open data's column headings that name the holder's answers (counted there, never tied to the person).</summary>
    public static readonly string[] AnswerHeadings = ["Native Hawaiian or Pacific Islander", "Recovery community organization", "Non-binary"];

    /// <summary>The holder's answers to the voluntary workforce questions, every one distinctive (see <see cref="Sentinels"/>).</summary>
    public static readonly WorkforceAnswers SentinelAnswers = new()
    {
        RaceEthnicity = RaceEthnicity.NativeHawaiianOrPacificIslander, Gender = GenderAnswer.NonBinary, Languages = ServiceLanguages.Tagalog,
        Employment = EmploymentAnswer.PeerRole, Setting = PracticeSetting.RecoveryCommunityOrganization,
        CountyOfPractice = CountyCode.Parse("47137"), HoursPerWeek = 37,
    };

    public required Jurisdiction State { get; init; }
    public required Person Holder { get; init; }
    public required Credential Credential { get; init; }
    public required Credential Second { get; init; }
    public required Employer Employer { get; init; }
    public required string EmployerEmail { get; init; }
    public required string ApiKey { get; init; }

    public static async Task<VerificationWebScenario> SeedAsync(WebFixture fixture)
    {
        var now = fixture.Factory.Clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var actor = Guid.NewGuid();
        var state = TestData.State("TN", "Tennessee", "CPRS");
        var program = state.Programs[0];

        var holder = new Person("Sentinel", "Zephyrine", "sntl-private-email@example.org");
        holder.UpdateContact("615-555-0199", SentinelBirthDate,
            new PostalAddress("SNTL-ADDRESS-LINE-4471", null, "SNTL-CITY-XYLOVILLE", "SNTL-COUNTY-QUOKKA", StateCode.Parse("TN"), "SNTL-99871"));
        // Wordings are reference data that survive the reset between tests: made once, then reused.
        var existing = await fixture.QueryAsync(db => db.AttestationWordings.AsNoTracking().SingleOrDefaultAsync(w => w.Code == "sentinel-lived-experience"));
        var wording = existing ?? new AttestationWording("sentinel-lived-experience", 1, AttestationKind.Agreement, "Lived experience", "I have lived experience.", asksForStatement: true, now.AddYears(-1));
        var application = CertificationApplication.Start(holder.Id, program.Id, ApplicationType.Initial, actor, now.AddMonths(-8));
        application.AddSupervisionLog(today.AddMonths(-9), 1, SupervisionFormat.Individual, "SNTL-SUPERVISION-NOTES", "Pat Supervisor", "LCSW", "pat@example.org",
            new RecordDates(today, SentinelBirthDate));
        application.Sign(wording, agreed: true, disclosedYes: null, "SNTL-LIVED-EXPERIENCE-STATEMENT", now.AddMonths(-8));
        var exam = new ExamAttempt(holder.Id, program.Id, program.Requirements.Exam!, today.AddMonths(-7), SentinelScore, 1, actor, now.AddMonths(-7));
        var credential = Credential.Issue(program, holder.Id, today.AddMonths(-6), actor, now.AddMonths(-6));
        credential.Suspend("SNTL-SUSPENSION-REASON", today.AddDays(-3), null, actor, now.AddDays(-3));

        var other = TestData.Person("Robin", "Zephyr");
        var second = Credential.Issue(program, other.Id, today.AddMonths(-2), actor, now.AddMonths(-2));

        var employer = new Employer("Harbor Verification Clinic", "hr@harbor-verify.example", StateCode.Parse("TN"), now);
        employer.Approve(null, now);
        if (existing is null) await fixture.InsertAsync(wording);
        var survey = new WorkforceSurveyResponse(holder.Id, state.Code, program.Id, SurveyOccasion.Application, application.Id, null,
            SentinelAnswers, today.AddMonths(-8), now.AddMonths(-8));
        await fixture.InsertAsync(state, holder, other, application, exam, credential, second, employer, survey);
        const string email = "hr@harbor-verify.example";
        await fixture.CreateUserAsync(email, Roles.Employer, employerId: employer.Id);
        var key = await SendAsEmployerAsync(fixture, employer.Id, new CreateApiKey.Command("HR system"));

        return new VerificationWebScenario
        {
            State = state, Holder = holder, Credential = credential, Second = second, Employer = employer, EmployerEmail = email, ApiKey = key.Key,
        };
    }

    public static async Task<T> SendAsEmployerAsync<T>(WebFixture fixture, Guid employerId, IRequest<T> request)
    {
        using var runAs = CurrentUser.RunAs(TestUsers.Employer(employerId));
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    public HttpClient KeyClient(WebFixture fixture, string? key = null)
    {
        var client = fixture.Client();
        client.DefaultRequestHeaders.Add("X-Api-Key", key ?? ApiKey);
        return client;
    }
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Security;
using Registry.Domain.Applications;
using Registry.Domain.Credentials;
using Registry.Domain.Jurisdictions;
using Registry.Domain.People;
using Registry.Testing;

namespace Registry.Web.Tests.Review;

/// <summary>
/// What the review page tells its own state's staff and no one else: the supervisor's statement, the applicant's
/// date of birth and address; and the system administrator's way into every state's queue and audit log.
/// </summary>
public sealed class ReviewerInformationTests(WebFixture fixture) : WebTest(fixture)
{
    private const string SystemAdmin = "sysadmin@test.example";

    private static FormUrlEncodedContent Form(string page, params (string Key, string Value)[] fields) =>
        new(fields.Append(("__RequestVerificationToken", WebFixture.AntiforgeryToken(page))).Select(f => KeyValuePair.Create(f.Item1, f.Item2)));

    [Fact]
    public async Task The_supervisors_statement_given_on_the_confirm_page_is_kept_and_shown_only_to_the_states_reviewer()
    {
        var id = await Records.RecordsWebScenario.DraftAsync(Fixture);
        await Fixture.CreateUserAsync(ReviewWebScenario.Reviewer, Roles.Reviewer, state: "TN");
        await Fixture.CreateUserAsync(ReviewWebScenario.OtherStateReviewer, Roles.Reviewer, state: "OH");
        var applicant = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(applicant, "applicant@test.example");
        var page = await applicant.GetStringAsync($"/Applications/{id}/Supervision");
        await applicant.PostAsync($"/Applications/{id}/Supervision?handler=Add", Form(page,
            ("Input.HeldOn", Records.RecordsWebScenario.Today(-3)), ("Input.Hours", "1.5"), ("Input.Format", "Individual"), ("Input.Topics", "Boundaries"),
            ("Input.SupervisorName", "Dana Brooks"), ("Input.SupervisorCredential", "LCSW"), ("Input.SupervisorEmail", "dana@example.org")));
        await applicant.PostAsync($"/Applications/{id}/Supervision?handler=RequestConfirmation", Form(page, ("supervisorEmail", "dana@example.org")));
        var token = await Records.RecordsWebScenario.TokenMailedToAsync(Fixture, "dana@example.org");

        var supervisor = Fixture.Client();
        var confirmPage = await supervisor.GetStringAsync($"/Confirm/{token}");
        Assert.Contains("<textarea class=\"usa-textarea\" id=\"Statement\" name=\"Statement\"", confirmPage);
        var done = await supervisor.PostAsync($"/Confirm/{token}", Form(confirmPage, ("Statement", "Robin reflects honestly on hard days.")));
        Assert.Contains("You have confirmed 1 supervision session(s)", await done.Content.ReadAsStringAsync());

        Assert.Equal("Robin reflects honestly on hard days.",
            await Fixture.QueryAsync(db => db.Set<SupervisionLog>().Select(l => l.SupervisorStatement).SingleAsync()));
        var reviewer = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(reviewer, ReviewWebScenario.Reviewer);
        Assert.Contains("Robin reflects honestly on hard days.", await reviewer.GetStringAsync($"/Staff/Applications/{id}"));
        Assert.DoesNotContain("Robin reflects honestly", await applicant.GetStringAsync($"/Applications/{id}/Supervision"));
        var other = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(other, ReviewWebScenario.OtherStateReviewer);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Staff/Applications/{id}")).StatusCode);
    }

    [Fact]
    public async Task Own_state_reviewers_see_the_date_of_birth_and_address_which_never_reach_verification_or_employers()
    {
        var ids = await ReviewWebScenario.UnderReviewAsync(Fixture);
        var number = await Fixture.QueryAsync(async db =>
        {
            var application = await db.Applications.SingleAsync(a => a.Id == ids[0]);
            var person = await db.People.SingleAsync(p => p.Id == application.PersonId);
            person.UpdateContact("615-555-0100", new DateOnly(1985, 4, 12),
                new PostalAddress("742 Evergreen Terrace", "Apt 3", "Knoxville", "Knox", StateCode.Parse("TN"), "37902"));
            var program = await db.Programs.SingleAsync(p => p.Id == application.ProgramId);
            var credential = Credential.Issue(program, person.Id, TestClock.StartDay.AddMonths(-6), Guid.NewGuid(), Fixture.Factory.Clock.GetUtcNow());
            db.Credentials.Add(credential);
            await db.SaveChangesAsync();
            return credential.Number.Value;
        });
        await Fixture.CreateUserAsync(SystemAdmin, Roles.SystemAdmin);

        var reviewer = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(reviewer, ReviewWebScenario.Reviewer);
        var review = await reviewer.GetStringAsync($"/Staff/Applications/{ids[0]}");
        Assert.Contains("<dt>Date of birth</dt><dd>April 12, 1985</dd>", review);
        Assert.Contains("742 Evergreen Terrace, Apt 3, Knoxville, Knox County, TN 37902", review);

        // Nowhere else: not to a system administrator, the public, verification answers or an employer.
        var admin = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(admin, SystemAdmin);
        var employer = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(employer, ReviewWebScenario.Employer);
        var seen = new[]
        {
            await admin.GetStringAsync($"/Staff/Applications/{ids[0]}"),
            await Fixture.Client().GetStringAsync($"/Verify/{number}"),
            await Fixture.Client().GetStringAsync($"/Verify/{number}/Print"),
            await Fixture.Client().GetStringAsync("/Verify?LastName=Alvarez0&State=TN"),
            await Fixture.Client().GetStringAsync($"/api/v1/verifications/{number}"),
            await Fixture.Client().GetStringAsync("/api/v1/verifications?lastName=Alvarez0&state=TN"),
            await employer.GetStringAsync($"/Verify/{number}"),
        };
        Assert.Contains(number, seen[1]);
        Assert.All(seen, html =>
        {
            Assert.DoesNotContain("1985", html);
            Assert.DoesNotContain("Evergreen", html);
        });
    }

    [Fact]
    public async Task A_system_administrator_chooses_a_state_for_the_queue_and_the_audit_log_from_links_in_the_menu()
    {
        await ReviewWebScenario.UnderReviewAsync(Fixture);
        await Fixture.CreateUserAsync(SystemAdmin, Roles.SystemAdmin);
        var admin = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(admin, SystemAdmin);

        var home = await admin.GetStringAsync("/");
        Assert.Contains("<a class=\"usa-nav-link\" href=\"/Staff\"><span>Review queues</span></a>", home);
        Assert.Contains("<a class=\"usa-nav-link\" href=\"/Staff/Audit\"><span>Audit log</span></a>", home);

        var queues = await admin.GetAsync("/Staff");
        Assert.Equal(HttpStatusCode.OK, queues.StatusCode);
        var chooser = await queues.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Review queues</h1>", chooser);
        Assert.Contains("<a class=\"usa-link\" href=\"/Staff?state=TN\">Tennessee's review queue</a>", chooser);
        Assert.Contains("<a class=\"usa-link\" href=\"/Staff/Audit?StateCode=TN\">Tennessee's audit log</a>", chooser);
        Assert.Contains("Alvarez0", await admin.GetStringAsync("/Staff?state=TN"));

        var audit = await admin.GetAsync("/Staff/Audit");
        Assert.Equal(HttpStatusCode.OK, audit.StatusCode);
        Assert.Contains("href=\"/Staff/Audit?StateCode=TN\"", await audit.Content.ReadAsStringAsync());
        Assert.Contains("<h1>Audit log: TN</h1>", await admin.GetStringAsync("/Staff/Audit?StateCode=TN"));

        // A reviewer still has no audit log, and keeps their own state's queue.
        var reviewer = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(reviewer, ReviewWebScenario.Reviewer);
        Assert.Contains("Alvarez0", await reviewer.GetStringAsync("/Staff"));
        Assert.NotEqual(HttpStatusCode.OK, (await reviewer.GetAsync("/Staff/Audit")).StatusCode);
    }
}

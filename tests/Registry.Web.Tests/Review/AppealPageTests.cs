using System.Net;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Security;
using Registry.Domain.Applications;
using Registry.Domain.Eligibility;
using Registry.Domain.Jurisdictions;
using Registry.Domain.People;
using Registry.Testing;

namespace Registry.Web.Tests.Review;

/// <summary>Appeals of a denial through the real pages: filed within the window, refused after it, upheld and overturned by the state's staff.</summary>
public sealed class AppealPageTests(WebFixture fixture) : WebTest(fixture)
{
    private const string Applicant = "appellant@test.example";
    private const string Reviewer = "reviewer.tn@test.example";
    private const string OtherStateReviewer = "reviewer.oh@test.example";

    private static FormUrlEncodedContent Form(string page, params (string Key, string Value)[] fields) =>
        new(fields.Append(("__RequestVerificationToken", WebFixture.AntiforgeryToken(page))).Select(f => KeyValuePair.Create(f.Item1, f.Item2)));

    /// <summary>A Tennessee application denied now, with 30 days to appeal (the last day July 15, 2027).</summary>
    private async Task<(Guid Id, Person Person)> DeniedAsync()
    {
        var rules = new ProgramRequirements(0, [], 0, 0, 0, null, [], 24, 0, 0, 30, 90, appealWindowDays: 30);
        var state = TestData.State("TN", "Tennessee", "CPRS", rules);
        var person = TestData.Person("Robin", "Appellant");
        var application = CertificationApplication.Start(person.Id, state.Programs[0].Id, ApplicationType.Initial, Guid.NewGuid(), Now.AddDays(-10));
        application.Submit(Guid.NewGuid(), Now.AddDays(-9), EligibilityCheck.Evaluate(rules, ApplicantRecords.Of(application, []), new Dictionary<string, string>(), false));
        application.BeginReview(Guid.NewGuid(), Now.AddDays(-8));
        application.Deny(Guid.NewGuid(), Now, "The training provider is not approved.", rules.AppealUntil(TestClock.StartDay));
        await Fixture.InsertAsync(state, person, application);
        await Fixture.CreateUserAsync(Applicant, Roles.Applicant, personId: person.Id);
        await Fixture.CreateUserAsync(Reviewer, Roles.Reviewer, state: "TN");
        await Fixture.CreateUserAsync(OtherStateReviewer, Roles.Reviewer, state: "OH");
        return (application.Id, person);
    }

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(client, email);
        return client;
    }

    private Task<List<string>> AppealMessagesToAsync(string email) =>
        Fixture.QueryAsync(db => db.Notifications.Where(n => n.RecipientEmail == email && n.Template == "application-appeal").Select(n => n.Payload).ToListAsync());

    private async Task<HttpResponseMessage> FileAsync(HttpClient applicant, Guid id, string statement)
    {
        var page = await applicant.GetStringAsync($"/Applications/{id}/Appeal");
        return await applicant.PostAsync($"/Applications/{id}/Appeal", Form(page, ("Statement", statement)));
    }

    private async Task<HttpResponseMessage> DecideAsync(HttpClient staff, Guid id, string outcome, string reason)
    {
        var page = await staff.GetStringAsync($"/Staff/Appeals/{id}");
        return await staff.PostAsync($"/Staff/Appeals/{id}", Form(page, ("Outcome", outcome), ("Reason", reason)));
    }

    [Fact]
    public async Task The_applicant_appeals_within_the_window_and_the_states_staff_uphold_it_while_another_state_cannot_see_it()
    {
        var (id, person) = await DeniedAsync();
        var applicant = await SignedInAsync(Applicant);

        var overview = await applicant.GetStringAsync($"/Applications/{id}");
        Assert.Contains("you have until <strong>July 15, 2027</strong>", overview);
        Assert.Contains($"href=\"/Applications/{id}/Appeal\"", overview);

        var empty = await FileAsync(applicant, id, "");
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Write your statement", await empty.Content.ReadAsStringAsync());

        var filed = await FileAsync(applicant, id, "The provider was approved the month I trained; here is the letter.");
        Assert.Equal(HttpStatusCode.Redirect, filed.StatusCode);
        Assert.Contains("Waiting for a decision", await applicant.GetStringAsync($"/Applications/{id}/Appeal"));
        Assert.Contains("You appealed: The provider was approved", await applicant.GetStringAsync($"/Applications/{id}"));
        Assert.Single(await AppealMessagesToAsync(person.Email!));

        var again = await applicant.PostAsync($"/Applications/{id}/Appeal", Form(await applicant.GetStringAsync($"/Applications/{id}/Appeal"), ("Statement", "Twice.")));
        Assert.Contains("already open", await again.Content.ReadAsStringAsync());

        var other = await SignedInAsync(OtherStateReviewer);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Staff/Appeals/{id}")).StatusCode);
        Assert.DoesNotContain("Appellant", await other.GetStringAsync("/Staff"));

        var reviewer = await SignedInAsync(Reviewer);
        var queue = await reviewer.GetStringAsync("/Staff");
        Assert.Contains($"href=\"/Staff/Appeals/{id}\"", queue);
        var upheld = await DecideAsync(reviewer, id, "Upheld", "The approval started after your course ended.");
        Assert.Equal(HttpStatusCode.Redirect, upheld.StatusCode);

        Assert.Equal(ApplicationStatus.Denied, await Fixture.QueryAsync(db => db.Applications.Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));
        var messages = await AppealMessagesToAsync(person.Email!);
        Assert.Equal(2, messages.Count);
        Assert.Contains(messages, m => m.Contains("Upheld") && m.Contains("The approval started after your course ended."));
        Assert.Contains("the denial stands", await applicant.GetStringAsync($"/Applications/{id}"));
        Assert.DoesNotContain($"href=\"/Staff/Appeals/{id}\"", await reviewer.GetStringAsync("/Staff"));
        Assert.True(await Fixture.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "DecideAppeal")));
    }

    [Fact]
    public async Task After_the_window_the_appeal_is_refused_with_the_day_it_closed()
    {
        var (id, person) = await DeniedAsync();
        Fixture.Factory.Clock.Advance(TimeSpan.FromDays(31));
        var applicant = await SignedInAsync(Applicant);

        var page = await applicant.GetStringAsync($"/Applications/{id}/Appeal");
        Assert.Contains("Appeals of this decision closed on July 15, 2027", page);
        Assert.DoesNotContain("<textarea", page);

        var late = await applicant.PostAsync($"/Applications/{id}/Appeal", Form(page, ("Statement", "Please look again.")));
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains("The time to appeal this denial ended on July 15, 2027", await late.Content.ReadAsStringAsync());
        Assert.Empty(await AppealMessagesToAsync(person.Email!));
        Assert.Contains("The time to appeal this decision ended on July 15, 2027", await applicant.GetStringAsync($"/Applications/{id}"));
    }

    [Fact]
    public async Task Overturning_puts_the_application_under_review_and_tells_the_applicant_once()
    {
        var (id, person) = await DeniedAsync();
        var applicant = await SignedInAsync(Applicant);
        Assert.Equal(HttpStatusCode.Redirect, (await FileAsync(applicant, id, "My training was approved.")).StatusCode);
        var reviewer = await SignedInAsync(Reviewer);

        var noChoice = await DecideAsync(reviewer, id, "", "Reason.");
        Assert.Contains("Choose whether the denial stands", await noChoice.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(reviewer, id, "Overturned", "The provider's approval covers your course.")).StatusCode);

        Assert.Equal(ApplicationStatus.UnderReview, await Fixture.QueryAsync(db => db.Applications.Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));
        var messages = await Fixture.QueryAsync(db => db.Notifications.Where(n => n.RecipientEmail == person.Email).Select(n => n.Template).ToListAsync());
        Assert.Equal(["application-appeal", "application-appeal"], messages);
        var overview = await applicant.GetStringAsync($"/Applications/{id}");
        Assert.Contains("Your application is being reviewed", overview);
        Assert.Contains("Denial overturned on appeal: The provider&#x27;s approval covers your course.", overview);
        Assert.Contains("Under review", await reviewer.GetStringAsync($"/Staff/Applications/{id}"));
    }
}

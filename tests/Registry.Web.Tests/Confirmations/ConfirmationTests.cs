using System.Net;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Security;
using Registry.Domain.Applications;
using Registry.Domain.Credentials;
using Registry.Testing;
using Registry.Web.Tests.Review;
using Registry.Web.Tests.Verification;

namespace Registry.Web.Tests.Confirmations;

/// <summary>
/// Nothing that cannot be undone happens in one post: a form posted without <c>confirmed=true</c> (a first
/// click, or a crafted request) only answers with the confirmation page, which names what will happen.
/// </summary>
public sealed class ConfirmationTests(WebFixture fixture) : WebTest(fixture)
{
    private static FormUrlEncodedContent Form(string page, params (string Key, string Value)[] fields) =>
        new(fields.Append(("__RequestVerificationToken", WebFixture.AntiforgeryToken(page))).Select(f => KeyValuePair.Create(f.Item1, f.Item2)));

    private static async Task<string> AskedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("This cannot be undone", html);
        Assert.Contains("name=\"confirmed\" value=\"true\"", html);
        return html;
    }

    [Fact]
    public async Task Relinquishing_without_confirming_only_asks_and_the_confirmed_post_relinquishes()
    {
        var state = TestData.State("TN", "Tennessee", "CPRS", TestData.NoRequirements());
        var holder = TestData.Person("Robin", "Holder");
        var credential = Credential.Issue(state.Programs[0], holder.Id, TestClock.StartDay.AddMonths(-3), Guid.NewGuid(), Now);
        await Fixture.InsertAsync(state, holder, credential);
        await Fixture.CreateUserAsync("holder@test.example", Roles.Applicant, personId: holder.Id);
        var browser = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(browser, "holder@test.example");
        var page = await browser.GetStringAsync("/Credentials");
        var url = $"/Credentials?handler=Relinquish&credentialId={credential.Id}";

        var asked = await AskedAsync(await browser.PostAsync(url, Form(page)));
        Assert.Contains($"<h1>Relinquish credential {credential.Number.Value}?</h1>", asked);
        Assert.Contains($"<title>Relinquish credential {credential.Number.Value}? | ", asked);
        Assert.Contains("cannot be renewed or reinstated", asked);
        Assert.Contains("href=\"/Credentials\"", asked); // the way back
        var crafted = await browser.PostAsync(url, Form(page, ("confirmed", "false")));
        Assert.Equal(HttpStatusCode.OK, crafted.StatusCode);
        Assert.Equal(CredentialStatus.Active, await StatusAsync(credential.Id));

        var relinquished = await browser.PostAsync(url, Form(asked, ("confirmed", "true")));

        Assert.Equal(HttpStatusCode.Redirect, relinquished.StatusCode);
        Assert.Equal(CredentialStatus.Relinquished, await StatusAsync(credential.Id));
    }

    [Fact]
    public async Task A_denial_without_a_reason_is_refused_before_any_confirmation_and_one_with_a_reason_is_only_asked_until_confirmed()
    {
        var ids = await ReviewWebScenario.UnderReviewAsync(Fixture);
        var browser = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(browser, ReviewWebScenario.Reviewer);
        var url = $"/Staff/Applications/{ids[0]}";
        var page = await browser.GetStringAsync(url);

        var refused = await browser.PostAsync($"{url}?handler=Deny", Form(page, ("Reason", " ")));
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Give the reason for the denial.", refusedHtml);
        Assert.DoesNotContain("This cannot be undone", refusedHtml);

        var asked = await AskedAsync(await browser.PostAsync($"{url}?handler=Deny", Form(page, ("Reason", "The training provider is not approved."))));
        Assert.Contains("<h1>Deny Robin Alvarez0's application?</h1>", asked);
        Assert.Contains("The training provider is not approved.", asked);
        Assert.Contains("<input type=\"hidden\" name=\"Reason\" value=\"The training provider is not approved.\" />", asked);
        Assert.Equal(ApplicationStatus.UnderReview, await ApplicationStatusAsync(ids[0]));

        var denied = await browser.PostAsync($"{url}?handler=Deny", Form(asked, ("Reason", "The training provider is not approved."), ("confirmed", "true")));

        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Equal(ApplicationStatus.Denied, await ApplicationStatusAsync(ids[0]));
    }

    [Fact]
    public async Task Revoking_an_api_key_without_confirming_only_asks_and_another_organisations_key_is_not_found()
    {
        var world = await VerificationWebScenario.SeedAsync(Fixture);
        var browser = await RosterSteps.SignedInAsync(Fixture, world.EmployerEmail);
        var page = await browser.GetStringAsync("/Employers/ApiKeys");
        var key = await Fixture.QueryAsync(db => db.ApiKeys.SingleAsync());
        var url = $"/Employers/ApiKeys?handler=Revoke&keyId={key.Id}";

        var asked = await AskedAsync(await browser.PostAsync(url, Form(page)));
        Assert.Contains("<h1>Revoke the API key \"HR system\"?</h1>", asked);
        Assert.Equal(HttpStatusCode.OK, (await world.KeyClient(Fixture).GetAsync($"/api/v1/verifications/{world.Second.Number.Value}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.PostAsync($"/Employers/ApiKeys?handler=Revoke&keyId={Guid.NewGuid()}", Form(page))).StatusCode);

        var revoked = await browser.PostAsync(url, Form(asked, ("confirmed", "true")));

        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.NotNull((await Fixture.QueryAsync(db => db.ApiKeys.SingleAsync())).RevokedAt);
    }

    [Fact]
    public async Task Disabling_a_reviewer_without_confirming_only_asks_and_they_can_still_sign_in()
    {
        await Fixture.CreateUserAsync("admin.tn@test.example", Roles.StateAdmin, state: "TN");
        var reviewer = await Fixture.CreateUserAsync("lee@test.example", Roles.Reviewer, state: "TN");
        var admin = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(admin, "admin.tn@test.example");
        var page = await admin.GetStringAsync("/Staff/Team");
        var url = $"/Staff/Team?handler=Disable&id={reviewer.Id}";

        var asked = await AskedAsync(await admin.PostAsync(url, Form(page)));
        Assert.Contains("<h1>Disable lee@test.example's account?</h1>", asked);
        Assert.Equal(HttpStatusCode.Redirect, (await WebFixture.SignInThroughFormAsync(Fixture.Client(), "lee@test.example")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync(url, Form(asked, ("confirmed", "true")))).StatusCode);

        Assert.Contains("locked", await (await WebFixture.SignInThroughFormAsync(Fixture.Client(), "lee@test.example")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Withdrawing_and_a_discipline_decision_are_only_asked_until_confirmed()
    {
        var ids = await ReviewWebScenario.UnderReviewAsync(Fixture);
        var applicant = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(applicant, ReviewWebScenario.Applicant);
        var overview = await applicant.GetStringAsync($"/Applications/{ids[0]}");
        var withdraw = $"/Applications/{ids[0]}?handler=Withdraw";
        var asked = await AskedAsync(await applicant.PostAsync(withdraw, Form(overview)));
        Assert.Contains("<h1>Withdraw your application for ", asked);
        Assert.Equal(ApplicationStatus.UnderReview, await ApplicationStatusAsync(ids[0]));
        Assert.Equal(HttpStatusCode.Redirect, (await applicant.PostAsync(withdraw, Form(asked, ("confirmed", "true")))).StatusCode);
        Assert.Equal(ApplicationStatus.Withdrawn, await ApplicationStatusAsync(ids[0]));

        var program = await Fixture.QueryAsync(db => db.Jurisdictions.Include(j => j.Programs).SelectMany(j => j.Programs).FirstAsync());
        var holder = TestData.Person("Sky", "Holder");
        var credential = Credential.Issue(program, holder.Id, TestClock.StartDay.AddMonths(-3), Guid.NewGuid(), Now);
        var opened = DisciplineCase.Open(credential, "A concern was raised.", TestClock.StartDay.AddDays(14), TestClock.StartDay, Guid.NewGuid(), Now);
        await Fixture.InsertAsync(holder, credential, opened);
        var admin = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(admin, ReviewWebScenario.StateAdmin);
        var url = $"/Staff/Credentials/{credential.Id}";
        var page = await admin.GetStringAsync(url);
        var decide = $"{url}?handler=Decide&caseId={opened.Id}";
        (string, string)[] decision = [("Decision.Outcome", "Suspension"), ("Decision.Notes", "Practised while the conditions were unmet."), ("Decision.AppealDays", "30")];

        Assert.Contains("Record the reasons for the decision.", await (await admin.PostAsync(decide, Form(page, ("Decision.Outcome", "Revocation")))).Content.ReadAsStringAsync());
        var decideAsked = await AskedAsync(await admin.PostAsync(decide, Form(page, decision)));
        Assert.Contains($"<h1>Suspend credential {credential.Number.Value} (Sky Holder)?</h1>", decideAsked);
        Assert.Contains("suspended from today with no end date", decideAsked);
        Assert.Equal(CredentialStatus.Active, await StatusAsync(credential.Id));

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync(decide, Form(decideAsked, [.. decision, ("confirmed", "true")]))).StatusCode);
        Assert.Equal(CredentialStatus.Suspended, await StatusAsync(credential.Id));
    }

    private Task<CredentialStatus> StatusAsync(Guid credentialId) =>
        Fixture.QueryAsync(db => db.Credentials.Where(c => c.Id == credentialId).Select(c => c.Status).SingleAsync());

    private Task<ApplicationStatus> ApplicationStatusAsync(Guid applicationId) =>
        Fixture.QueryAsync(db => db.Applications.Where(a => a.Id == applicationId).Select(a => a.Status).SingleAsync());
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Security;
using Registry.Domain.Applications;
using Registry.Domain.Workforce;
using Registry.Testing;

namespace Registry.Web.Tests.Workforce;

/// <summary>The page "About you and your work (optional)": linked from a submitted application, each question skippable, for the applicant only.</summary>
public sealed class AboutYouPageTests(WebFixture fixture) : WebTest(fixture)
{
    private async Task<(Guid ApplicationId, HttpClient Browser)> SubmittedApplicationAsync(string email = "applicant@test.example")
    {
        var state = TestData.State("TN", "Tennessee", "CPRS");
        var person = TestData.Person();
        var application = CertificationApplication.Start(person.Id, state.Programs[0].Id, ApplicationType.Initial, Guid.NewGuid(), Now.AddDays(-1));
        application.Submit(Guid.NewGuid(), Now, new Registry.Domain.Eligibility.EligibilityResult([]));
        await Fixture.InsertAsync(state, person, application);
        await Fixture.CreateUserAsync(email, Roles.Applicant, personId: person.Id);
        var browser = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(browser, email);
        return (application.Id, browser);
    }

    private static FormUrlEncodedContent Form(string page, params (string Key, string Value)[] fields) =>
        new(fields.Append(("__RequestVerificationToken", WebFixture.AntiforgeryToken(page))).Select(f => KeyValuePair.Create(f.Item1, f.Item2)));

    [Fact]
    public async Task The_application_links_to_the_questions_and_the_answers_are_saved_with_skipped_ones_left_empty()
    {
        var (applicationId, browser) = await SubmittedApplicationAsync();
        var overview = await browser.GetStringAsync($"/Applications/{applicationId}");
        Assert.Contains($"href=\"/Applications/{applicationId}/AboutYou\"", overview);

        var page = await browser.GetStringAsync($"/Applications/{applicationId}/AboutYou");
        Assert.Contains("About you and your work (optional)", page);
        Assert.Contains("never shown to employers", page);

        var response = await browser.PostAsync($"/Applications/{applicationId}/AboutYou", Form(page,
            ("Form.Race", "Asian"), ("Form.Race", "White"), ("Form.Gender", "PreferNotToSay"), ("Form.Languages", "Spanish"),
            ("Form.Employment", "PeerRole"), ("Form.Setting", "Crisis"), ("Form.County", "47037"), ("Form.Hours", "24")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await Fixture.QueryAsync(db => db.WorkforceSurveyResponses.SingleAsync());
        Assert.Equal(RaceEthnicity.Asian | RaceEthnicity.White, saved.RaceEthnicity);
        Assert.Equal(GenderAnswer.PreferNotToSay, saved.Gender);
        Assert.Equal(ServiceLanguages.Spanish, saved.Languages);
        Assert.Null(saved.Veteran);
        Assert.Null(saved.Education);
        Assert.Equal(PracticeSetting.Crisis, saved.Setting);
        Assert.Equal("47037", saved.CountyOfPractice?.Value);
        Assert.Equal(24, saved.HoursPerWeek);
        Assert.False(saved.HoursDeclined);

        var again = await browser.GetStringAsync($"/Applications/{applicationId}/AboutYou");
        Assert.Contains("id=\"Form_Race_Asian\" type=\"checkbox\" name=\"Form.Race\" value=\"Asian\" checked=\"checked\"", again);
    }

    [Fact]
    public async Task Hours_out_of_range_are_a_field_error_and_nothing_is_saved()
    {
        var (applicationId, browser) = await SubmittedApplicationAsync();
        var page = await browser.GetStringAsync($"/Applications/{applicationId}/AboutYou");

        var response = await browser.PostAsync($"/Applications/{applicationId}/AboutYou", Form(page, ("Form.Hours", "90")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("href=\"#Form_Hours\">Enter the hours as a whole number from 0 to 80", html);
        Assert.Equal(0, await Fixture.QueryAsync(db => db.WorkforceSurveyResponses.CountAsync()));
    }

    [Fact]
    public async Task Another_person_cannot_see_or_answer_for_the_applicant()
    {
        var (applicationId, _) = await SubmittedApplicationAsync();
        var stranger = TestData.Person("Lee", "Stranger");
        await Fixture.InsertAsync(stranger);
        await Fixture.CreateUserAsync("stranger@test.example", Roles.Applicant, personId: stranger.Id);
        var browser = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(browser, "stranger@test.example");
        var own = await browser.GetStringAsync("/Applications");

        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/Applications/{applicationId}/AboutYou")).StatusCode);
        var response = await browser.PostAsync($"/Applications/{applicationId}/AboutYou", Form(own, ("Form.Gender", "Woman")));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, await Fixture.QueryAsync(db => db.WorkforceSurveyResponses.CountAsync()));
    }
}

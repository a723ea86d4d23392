using System.Net;
using Registry.Application.Common.Security;
using Registry.Domain.Applications;
using Registry.Testing;

namespace Registry.Web.Tests;

/// <summary>Pages turn the same failures the API reports as problem details into form errors.</summary>
public sealed class ApplicationsPageTests(WebFixture fixture) : WebTest(fixture)
{
    private async Task<(Guid ProgramId, HttpClient Browser, string Form)> SignedInApplicantAsync()
    {
        var state = TestData.State("TN", "Tennessee", "CPRS");
        var person = TestData.Person();
        await Fixture.InsertAsync(state, person);
        await Fixture.CreateUserAsync("applicant@test.example", Roles.Applicant, personId: person.Id);
        var browser = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(browser, "applicant@test.example");
        return (state.Programs[0].Id, browser, await browser.GetStringAsync("/Applications"));
    }

    private static FormUrlEncodedContent Form(string page, params (string Key, string Value)[] fields) =>
        new(fields.Append(("__RequestVerificationToken", WebFixture.AntiforgeryToken(page))).Select(f => KeyValuePair.Create(f.Item1, f.Item2)));

    [Fact]
    public async Task Starting_without_choosing_a_program_shows_the_field_error_on_the_form()
    {
        var (_, browser, page) = await SignedInApplicantAsync();

        var response = await browser.PostAsync("/Applications?handler=Start", Form(page, ("Input.ProgramId", "")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("href=\"#Input_ProgramId\">Choose the program you are applying for.</a>", html);
        Assert.Contains("usa-form-group--error", html);
        Assert.Contains("Tennessee Certified Peer Specialist", html); // the page's data was reloaded
    }

    [Fact]
    public async Task A_refused_step_is_explained_on_the_page_and_nothing_changes()
    {
        var (programId, browser, page) = await SignedInApplicantAsync();
        await browser.PostAsync("/Applications?handler=Start", Form(page, ("Input.ProgramId", programId.ToString())));

        var second = await browser.PostAsync("/Applications?handler=Start", Form(page, ("Input.ProgramId", programId.ToString())));

        Assert.Contains("You already have an open application for this program.", await second.Content.ReadAsStringAsync());
        var list = await browser.GetStringAsync("/Applications");
        Assert.Equal(1, list.Split("data-label=\"Program\"").Length - 1);
    }

    [Fact]
    public async Task Another_persons_application_is_not_found_from_the_page()
    {
        var (programId, browser, page) = await SignedInApplicantAsync();
        var stranger = TestData.Person("Lee", "Stranger");
        var theirs = CertificationApplication.Start(stranger.Id, programId, ApplicationType.Initial, Guid.NewGuid(), Now);
        await Fixture.InsertAsync(stranger, theirs);

        var response = await browser.PostAsync($"/Applications?handler=Submit&id={theirs.Id}", Form(page));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Staff_are_kept_off_the_applicants_page()
    {
        await Fixture.CreateUserAsync("reviewer@test.example", Roles.Reviewer, state: "TN");
        var browser = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(browser, "reviewer@test.example");

        var response = await browser.GetAsync("/Applications");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClosedXML.Excel;
using Registry.Application.Common.Security;
using Registry.Domain.Applications;
using Registry.Domain.Jurisdictions;
using Registry.Testing;

namespace Registry.Web.Tests.Journey;

/// <summary>The checklist, the attestations and the applicant's own record, through pages and the API.</summary>
public sealed class JourneyPagesTests(WebFixture fixture) : WebTest(fixture)
{
    private static ProgramRequirements Requirements() => new(
        trainingHoursTotal: 6, trainingDomains: [new("ETHICS", "Ethical responsibility", 4)], supervisedWorkHours: 0, supervisionHours: 0,
        referencesRequired: 0, exam: null, requiredAttestations: ["lived-experience", "criminal-history"],
        renewalCycleMonths: 24, continuingEducationHours: 0, ethicsContinuingEducationHours: 0, gracePeriodDays: 30, renewalWindowDays: 90);

    private async Task<(Guid ApplicationId, HttpClient Browser)> DraftAsync()
    {
        var state = TestData.State("TN", "Tennessee", "CPRS", Requirements());
        var person = TestData.Person();
        var application = CertificationApplication.Start(person.Id, state.Programs[0].Id, ApplicationType.Initial, Guid.NewGuid(), Now);
        await Fixture.InsertAsync(state, person, application);
        await Fixture.CreateUserAsync("applicant@test.example", Roles.Applicant, personId: person.Id);
        var browser = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(browser, "applicant@test.example");
        return (application.Id, browser);
    }

    private static FormUrlEncodedContent Form(string page, params (string, string)[] fields) =>
        new(fields.Append(("__RequestVerificationToken", WebFixture.AntiforgeryToken(page))).Select(f => KeyValuePair.Create(f.Item1, f.Item2)));

    [Fact]
    public async Task The_application_page_shows_every_requirement_with_have_and_need()
    {
        var (id, browser) = await DraftAsync();

        var html = await browser.GetStringAsync($"/Applications/{id}");

        Assert.Contains("Training: 0 of 6 hours.", html);
        Assert.Contains("Ethical responsibility training: 0 of 4 hours.", html);
        Assert.Contains("Not yet signed: Lived experience.", html);
    }

    [Fact]
    public async Task Signing_on_the_page_records_the_statement_and_a_refusal_explains_itself()
    {
        var (id, browser) = await DraftAsync();
        var page = await browser.GetStringAsync($"/Applications/{id}/Attestations");

        var refused = await browser.PostAsync($"/Applications/{id}/Attestations", Form(page, ("Input.Code", "lived-experience"), ("Input.Agreed", "true")));
        Assert.Contains("Write your statement for &quot;Lived experience&quot;.", await refused.Content.ReadAsStringAsync());

        var signed = await browser.PostAsync($"/Applications/{id}/Attestations", Form(page, ("Input.Code", "lived-experience"), ("Input.Agreed", "true"), ("Input.Statement", "My story.")));
        Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        Assert.Contains("Signed: Lived experience.", await browser.GetStringAsync($"/Applications/{id}"));
    }

    [Fact]
    public async Task Submitting_early_from_the_page_lists_what_is_missing()
    {
        var (id, browser) = await DraftAsync();
        var page = await browser.GetStringAsync($"/Applications/{id}");

        var response = await browser.PostAsync($"/Applications/{id}?handler=Submit", Form(page));

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Your application was not submitted", html);
        // One line for each missing requirement, linking to the page where it is done.
        Assert.Contains($"<a class=\"usa-link\" href=\"/Applications/{id}/Training\">Training: 0 of 6 hours.</a>", html);
    }

    [Fact]
    public async Task The_API_gives_the_checklist_and_the_record_as_JSON_and_as_a_workbook()
    {
        var (id, _) = await DraftAsync();
        var api = await Fixture.ApiClientAsync("applicant@test.example");

        var signed = await api.PostAsJsonAsync($"/api/v1/applications/{id}/attestations", new { code = "criminal-history", agreed = true, disclosedYes = false });
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        var overview = await api.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{id}/overview");
        var checklist = overview.GetProperty("checklist").EnumerateArray().Select(r => r.GetProperty("sentence").GetString()).ToList();
        Assert.Contains("Signed: Criminal charges.", checklist);

        var record = await api.GetFromJsonAsync<JsonElement>("/api/v1/me/record");
        Assert.Equal(id, record.GetProperty("applications")[0].GetProperty("id").GetGuid());

        var workbook = await api.GetAsync("/api/v1/me/record.xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook.Content.Headers.ContentType!.MediaType);
        using var book = new XLWorkbook(await workbook.Content.ReadAsStreamAsync());
        Assert.Equal("Criminal charges", book.Worksheet("Attestations").Cell(2, 2).GetString());
    }

    [Fact]
    public async Task Signing_something_the_program_does_not_ask_for_is_a_404_problem()
    {
        var (id, _) = await DraftAsync();
        var api = await Fixture.ApiClientAsync("applicant@test.example");

        var response = await api.PostAsJsonAsync($"/api/v1/applications/{id}/attestations", new { code = "truthfulness", agreed = true });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}

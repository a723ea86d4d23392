using System.Net;
using System.Net.Http.Headers;
using Registry.Testing;

namespace Registry.Web.Tests.Records;

/// <summary>The applicant's records pages and the public confirmation page, through real forms with anti-forgery tokens.</summary>
public sealed class RecordsPageTests(WebFixture fixture) : WebTest(fixture)
{
    private async Task<(Guid ApplicationId, HttpClient Browser)> SignedInAsync()
    {
        var applicationId = await RecordsWebScenario.DraftAsync(Fixture);
        var browser = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(browser, "applicant@test.example");
        return (applicationId, browser);
    }

    private static FormUrlEncodedContent Form(string page, params (string Key, string Value)[] fields) =>
        new(fields.Append(("__RequestVerificationToken", WebFixture.AntiforgeryToken(page))).Select(f => KeyValuePair.Create(f.Item1, f.Item2)));

    [Fact]
    public async Task A_course_with_its_certificate_is_added_listed_and_downloadable()
    {
        var (id, browser) = await SignedInAsync();
        var page = await browser.GetStringAsync($"/Applications/{id}/Training");
        Assert.Contains("enctype=\"multipart/form-data\"", page);
        Assert.Contains("No work recorded yet.", await browser.GetStringAsync($"/Applications/{id}/Work"));
        Assert.Contains("Name a referee", await browser.GetStringAsync($"/Applications/{id}/References"));
        var file = new ByteArrayContent(RecordsWebScenario.Pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        var form = new MultipartFormDataContent
        {
            { new StringContent(WebFixture.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new StringContent("Peer Ethics"), "Input.Course" },
            { new StringContent("Tennessee DMHSAS"), "Input.Provider" },
            { new StringContent("ETHICS"), "Input.DomainCode" },
            { new StringContent("6.25"), "Input.Hours" },
            { new StringContent(RecordsWebScenario.Today(-5)), "Input.CompletedOn" },
            { file, "Evidence", "ethics certificate.pdf" },
        };

        var posted = await browser.PostAsync($"/Applications/{id}/Training?handler=Add", form);

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var list = await browser.GetStringAsync($"/Applications/{id}/Training");
        Assert.Contains("The course has been added.", list);
        Assert.Contains("Peer Ethics", list);
        Assert.Contains("Ethical responsibility", list);
        var link = System.Text.RegularExpressions.Regex.Match(list, "href=\"([^\"]*handler=Evidence[^\"]*)\"").Groups[1].Value.Replace("&amp;", "&");
        var download = await browser.GetAsync(link);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(RecordsWebScenario.Pdf, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Bad_input_is_explained_on_the_form_with_links_to_the_fields()
    {
        var (id, browser) = await SignedInAsync();
        var page = await browser.GetStringAsync($"/Applications/{id}/Supervision");

        var missing = await (await browser.PostAsync($"/Applications/{id}/Supervision?handler=Add",
            Form(page, ("Input.HeldOn", ""), ("Input.Hours", "abc"), ("Input.Topics", ""), ("Input.SupervisorEmail", "")))).Content.ReadAsStringAsync();
        var tooLong = await (await browser.PostAsync($"/Applications/{id}/Supervision?handler=Add", Form(page,
            ("Input.HeldOn", RecordsWebScenario.Today(-1)), ("Input.Hours", "25"), ("Input.Format", "Group"), ("Input.Topics", "Relapse"),
            ("Input.SupervisorName", "Dana"), ("Input.SupervisorCredential", "LCSW"), ("Input.SupervisorEmail", "dana@example.org")))).Content.ReadAsStringAsync();

        Assert.Contains("href=\"#Input_HeldOn\">Enter the date of the session.</a>", missing);
        Assert.Contains("href=\"#Input_Hours\">Enter the hours; they must be more than zero.</a>", missing);
        Assert.DoesNotContain("is invalid", missing); // binding's own messages give way to the request's
        Assert.Contains("usa-form-group--error", missing);
        Assert.Contains("The supervision hours cannot be more than 24.", tooLong);
        Assert.Contains("No supervision sessions recorded yet.", tooLong);
    }

    [Fact]
    public async Task A_supervisor_confirms_through_the_mailed_link_once()
    {
        var (id, browser) = await SignedInAsync();
        var page = await browser.GetStringAsync($"/Applications/{id}/Supervision");
        await browser.PostAsync($"/Applications/{id}/Supervision?handler=Add", Form(page,
            ("Input.HeldOn", RecordsWebScenario.Today(-3)), ("Input.Hours", "1.5"), ("Input.Format", "Individual"), ("Input.Topics", "Boundaries"),
            ("Input.SupervisorName", "Dana Brooks"), ("Input.SupervisorCredential", "LCSW"), ("Input.SupervisorEmail", "dana@example.org")));
        page = await browser.GetStringAsync($"/Applications/{id}/Supervision");
        Assert.Contains("Waiting for your supervisor", page);
        Assert.Contains("Send confirmation request to dana@example.org", page);

        await browser.PostAsync($"/Applications/{id}/Supervision?handler=RequestConfirmation", Form(page, ("supervisorEmail", "dana@example.org")));
        var token = await RecordsWebScenario.TokenMailedToAsync(Fixture, "dana@example.org");

        var supervisor = Fixture.Client();
        var confirmPage = await supervisor.GetStringAsync($"/Confirm/{token}");
        Assert.Contains("Robin Alvarez", confirmPage);
        Assert.Contains("Boundaries", confirmPage);
        var done = await (await supervisor.PostAsync($"/Confirm/{token}", Form(confirmPage))).Content.ReadAsStringAsync();
        Assert.Contains("You have confirmed 1 supervision session(s)", done);

        Assert.Contains("This link has already been used.", await supervisor.GetStringAsync($"/Confirm/{token}"));
        Assert.Contains("Confirmed", await browser.GetStringAsync($"/Applications/{id}/Supervision"));
    }

    [Fact]
    public async Task The_applications_list_links_to_the_records_and_an_entry_can_be_removed()
    {
        var (id, browser) = await SignedInAsync();
        Assert.Contains($"href=\"/Applications/{id}/Training\">Records", await browser.GetStringAsync("/Applications"));
        var page = await browser.GetStringAsync($"/Applications/{id}/References");
        await browser.PostAsync($"/Applications/{id}/References?handler=Add", Form(page,
            ("Input.RefereeName", "Lee Okafor"), ("Input.RefereeEmail", "lee@example.org"), ("Input.Relationship", "Manager")));
        page = await browser.GetStringAsync($"/Applications/{id}/References");
        var remove = System.Text.RegularExpressions.Regex.Match(page, "action=\"([^\"]*handler=Remove[^\"]*)\"").Groups[1].Value.Replace("&amp;", "&");

        var asked = await browser.PostAsync(remove, Form(page));
        var confirmation = await asked.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("<h1>Remove the reference from Lee Okafor?</h1>", confirmation);
        Assert.Contains("lee@example.org", await browser.GetStringAsync($"/Applications/{id}/References")); // asking removed nothing

        var removed = await browser.PostAsync(remove, Form(confirmation, ("confirmed", "true")));

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        var after = await browser.GetStringAsync($"/Applications/{id}/References");
        Assert.Contains("The entry has been removed.", after);
        Assert.DoesNotContain("lee@example.org", after);
    }

    [Fact]
    public async Task An_altered_link_gets_a_plain_explanation()
    {
        var response = await Fixture.Client().GetAsync("/Confirm/CfDJ8-not-a-real-token");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("This link cannot be used", html);
        Assert.Contains("This link is not valid.", html);
    }

    [Fact]
    public async Task Another_persons_records_are_not_found()
    {
        var theirs = await RecordsWebScenario.DraftAsync(Fixture, "other@test.example", "PA");
        var (_, browser) = await SignedInAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/Applications/{theirs}/References")).StatusCode);
    }
}

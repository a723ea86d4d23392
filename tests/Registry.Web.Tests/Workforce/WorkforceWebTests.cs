using System.Net;
using System.Net.Http.Json;
using ClosedXML.Excel;
using Registry.Application.Common.Security;
using Registry.Domain.Credentials;
using Registry.Domain.Jurisdictions;
using Registry.Testing;

namespace Registry.Web.Tests.Workforce;

public sealed class WorkforceWebTests(WebFixture fixture) : WebTest(fixture)
{
    private const string Period = "from=2025-01-01&to=2025-06-30";

    private async Task ArrangeAsync()
    {
        var tn = TestData.State("TN", "Tennessee", "CPRS", TestData.NoRequirements());
        var pa = TestData.State("PA", "Pennsylvania", "CPS", TestData.NoRequirements());
        var holder = TestData.Person("Ada", "Holder");
        var other = TestData.Person("Pat", "Penn");
        await Fixture.InsertAsync(tn, pa, holder, other,
            Credential.Issue(tn.Programs[0], holder.Id, new DateOnly(2024, 3, 1), Guid.NewGuid(), Now),
            Credential.Issue(pa.Programs[0], other.Id, new DateOnly(2025, 2, 1), Guid.NewGuid(), Now));
    }

    [Fact]
    public async Task A_state_admin_downloads_their_states_workbook_and_is_refused_another_states_counts()
    {
        await ArrangeAsync();
        await Fixture.CreateUserAsync("admin.tn@test.example", Roles.StateAdmin, state: "TN");
        var api = await Fixture.ApiClientAsync("admin.tn@test.example");

        var own = await api.GetAsync($"/api/v1/exports/workforce?{Period}&states=TN");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", own.Content.Headers.ContentType?.MediaType);
        using (var workbook = new XLWorkbook(await own.Content.ReadAsStreamAsync()))
            Assert.Equal(["Summary", "TN Tennessee", "Endorsements", "Workforce answers", "Retention", "Definitions"], workbook.Worksheets.Select(s => s.Name));

        var other = await api.GetAsync($"/api/v1/exports/workforce?{Period}&states=TN,PA");
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
        Assert.Contains("only your own state", (await other.Content.ReadFromJsonAsync<ProblemBody>())!.Detail);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/v1/exports/roster/PA")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/v1/workforce/PA/dashboard")).StatusCode);

        var bad = await api.GetAsync("/api/v1/exports/workforce?from=2025-06-30&to=2025-01-01");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_analyst_exports_every_state_and_the_roster_streams_for_staff()
    {
        await ArrangeAsync();
        await Fixture.CreateUserAsync("analyst@test.example", Roles.NationalAnalyst);
        await Fixture.CreateUserAsync("reviewer.tn@test.example", Roles.Reviewer, state: "TN");
        var analyst = await Fixture.ApiClientAsync("analyst@test.example");

        var all = await analyst.GetAsync($"/api/v1/exports/workforce?{Period}");
        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        using (var workbook = new XLWorkbook(await all.Content.ReadAsStreamAsync()))
            Assert.Equal(["Summary", "PA Pennsylvania", "TN Tennessee", "Endorsements", "Workforce answers", "Retention", "Definitions"], workbook.Worksheets.Select(s => s.Name));
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.GetAsync("/api/v1/exports/roster/TN")).StatusCode); // contact details are for the state's staff

        var reviewer = await Fixture.ApiClientAsync("reviewer.tn@test.example");
        var roster = await reviewer.GetAsync("/api/v1/exports/roster/TN");
        Assert.Equal(HttpStatusCode.OK, roster.StatusCode);
        using var rosterBook = new XLWorkbook(await roster.Content.ReadAsStreamAsync());
        Assert.Equal("TN-CPRS-000001", rosterBook.Worksheet("Roster").Cell(2, 1).GetString());
        Assert.True(rosterBook.Worksheet("Roster").Cell(3, 1).IsEmpty());
    }

    [Fact]
    public async Task The_pages_serve_a_state_admin_and_refuse_them_another_state()
    {
        await ArrangeAsync();
        await Fixture.CreateUserAsync("admin.tn@test.example", Roles.StateAdmin, state: "TN");
        var browser = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(browser, "admin.tn@test.example");

        Assert.Contains("Workforce counts", await browser.GetStringAsync("/Staff/Workforce"));
        Assert.Contains("Workforce dashboard: Tennessee", await browser.GetStringAsync("/Staff/Dashboard?state=PA")); // a StateAdmin sees their own state
        var download = await browser.GetAsync("/Staff/Workforce?handler=Download&From=2025-01-01&To=2025-06-30");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", download.Content.Headers.ContentType?.MediaType);

        var refused = await browser.GetAsync("/Staff/Workforce?handler=Download&From=2025-01-01&To=2025-06-30&States=PA");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", refused.Headers.Location!.PathAndQuery);

        var invalid = await browser.GetStringAsync("/Staff/Workforce?handler=Download&From=2025-06-30&To=2025-01-01");
        Assert.Contains("The period ends before it starts.", invalid);
    }

    [Fact]
    public async Task The_counts_are_summed_up_on_the_page_beside_their_download()
    {
        await ArrangeAsync();
        await Fixture.CreateUserAsync("analyst@test.example", Roles.NationalAnalyst);
        var browser = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(browser, "analyst@test.example");

        var page = WebUtility.HtmlDecode(await browser.GetStringAsync("/Staff/Workforce?handler=Summary&From=2025-01-01&To=2025-06-30"));

        Assert.Contains("Your workbook is ready", page);
        Assert.Contains("<dt>Period</dt><dd>January 1, 2025 to June 30, 2025</dd>", page);
        Assert.Contains("<dt>States</dt><dd>Pennsylvania, Tennessee</dd>", page);
        Assert.Matches(@"<dt>Rows</dt><dd>2 program rows and \d+ county rows?</dd>", page);
        Assert.Contains("<dt>Issued in the period</dt><dd>1</dd>", page);
        var link = System.Text.RegularExpressions.Regex.Match(page, "href=\"([^\"]*handler=Download[^\"]*)\"").Groups[1].Value.Replace("&amp;", "&");
        var download = await browser.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        using var workbook = new XLWorkbook(await download.Content.ReadAsStreamAsync());
        Assert.Equal(["Summary", "PA Pennsylvania", "TN Tennessee", "Endorsements", "Workforce answers", "Retention", "Definitions"], workbook.Worksheets.Select(s => s.Name));
    }

    [Fact]
    public async Task Figures_before_a_states_first_register_import_say_they_come_from_the_imported_register()
    {
        await ArrangeAsync();
        var admin = (await Fixture.CreateUserAsync("admin.tn@test.example", Roles.StateAdmin, state: "TN")).Id;
        await Fixture.CreateUserAsync("analyst@test.example", Roles.NationalAnalyst);
        var counts = new RegisterImportCounts(Rows: 1, Problems: 0, NewPeople: 1, MatchedPeople: 0, NewCredentials: 1, Unchanged: 0);
        RegisterImport Import(DateTimeOffset at, bool finish)
        {
            var import = new RegisterImport(StateCode.Parse("TN"), "register.csv", new string('0', 64), admin, at.AddDays(-1));
            import.Checked(counts, at.AddDays(-1));
            import.RequestImport(admin, at);
            if (finish) import.Imported(counts, at);
            return import;
        }
        // The first finished import counts; one still running (earlier) does not.
        await Fixture.InsertAsync(Import(new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero), finish: true),
            Import(new DateTimeOffset(2026, 9, 1, 12, 0, 0, TimeSpan.Zero), finish: true),
            Import(new DateTimeOffset(2025, 1, 5, 12, 0, 0, TimeSpan.Zero), finish: false));
        const string note = "Figures for Tennessee before March 10, 2026 come from the register imported that day from the state's earlier system";
        var analyst = await Fixture.ApiClientAsync("analyst@test.example");

        async Task<XLWorkbook> WorkbookAsync(string period)
        {
            var response = await analyst.GetAsync($"/api/v1/exports/workforce?{period}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return new XLWorkbook(await response.Content.ReadAsStreamAsync());
        }
        static string Heading(IXLWorksheet sheet) => string.Join("\n", Enumerable.Range(1, 8).Select(r => $"{sheet.Cell(r, 1).GetString()}: {sheet.Cell(r, 2).GetString()}"));

        using (var spanning = await WorkbookAsync("from=2025-01-01&to=2026-06-30"))
        {
            Assert.Contains("Note: " + note, Heading(spanning.Worksheet("TN Tennessee")));
            Assert.Contains("Note: " + note, Heading(spanning.Worksheet("Summary")));
            Assert.DoesNotContain("Note:", Heading(spanning.Worksheet("PA Pennsylvania")));
            Assert.DoesNotContain("Pennsylvania before", Heading(spanning.Worksheet("Summary")));
        }
        using (var after = await WorkbookAsync("from=2026-04-01&to=2026-06-30"))
            Assert.DoesNotContain("Note:", Heading(after.Worksheet("TN Tennessee")));

        var browser = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(browser, "analyst@test.example");
        Assert.Contains(note, WebUtility.HtmlDecode(await browser.GetStringAsync("/Staff/Dashboard?state=TN"))); // its 24 months begin in 2025
        Assert.DoesNotContain("come from the register imported", WebUtility.HtmlDecode(await browser.GetStringAsync("/Staff/Dashboard?state=PA")));
        Assert.Contains(note, WebUtility.HtmlDecode(await browser.GetStringAsync("/Staff/Workforce?handler=Summary&From=2025-01-01&To=2025-06-30")));
    }

    [Fact]
    public async Task Only_those_who_may_download_the_state_roster_are_offered_its_form()
    {
        await ArrangeAsync();
        await Fixture.CreateUserAsync("analyst@test.example", Roles.NationalAnalyst);
        await Fixture.CreateUserAsync("admin.tn@test.example", Roles.StateAdmin, state: "TN");
        await Fixture.CreateUserAsync("sysadmin@test.example", Roles.SystemAdmin);

        async Task<string> WorkforcePageOf(string email)
        {
            var browser = Fixture.Client();
            await WebFixture.SignInThroughFormAsync(browser, email);
            return await browser.GetStringAsync("/Staff/Workforce");
        }

        var analyst = await WorkforcePageOf("analyst@test.example");
        Assert.Contains("Make the workbook", analyst);
        Assert.DoesNotContain("<h2 class=\"margin-top-5\">Roster</h2>", analyst);
        Assert.DoesNotContain("Download roster (.xlsx)", analyst);
        Assert.Contains("Download the roster (.xlsx)", await WorkforcePageOf("admin.tn@test.example"));
        Assert.Contains("Download roster (.xlsx)", await WorkforcePageOf("sysadmin@test.example"));
    }

    [Theory]
    [InlineData(Roles.Reviewer, "TN")]
    [InlineData(Roles.Employer, null)]
    public async Task Reviewers_and_employers_do_not_open_the_workforce_pages(string role, string? state)
    {
        await Fixture.CreateUserAsync("someone@test.example", role, state: state);
        var browser = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(browser, "someone@test.example");

        foreach (var path in new[] { "/Staff/Workforce", "/Staff/Dashboard" })
        {
            var response = await browser.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery);
        }
    }

    private sealed record ProblemBody(string? Title, string? Detail, int Status);
}

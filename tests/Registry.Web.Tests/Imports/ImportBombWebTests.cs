using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Registry.Domain.Applications;
using Registry.Testing;
using Registry.Web.Tests.Verification;

namespace Registry.Web.Tests.Imports;

/// <summary>
/// Workbook and CSV bombs sent where people send spreadsheets: the employer's roster page and API, and the staff's
/// exam import. Each is refused (a field error on the page, a 400 problem on the API) saying why, and nothing is kept.
/// </summary>
public sealed class ImportBombWebTests(WebFixture fixture) : WebTest(fixture)
{
    [Theory]
    [MemberData(nameof(BoundedImportTests.Bombs), MemberType = typeof(BoundedImportTests))]
    public async Task A_bomb_is_refused_on_the_roster_page_and_the_roster_api_with_a_clear_message(string kind, string expected)
    {
        var world = await VerificationWebScenario.SeedAsync(Fixture);
        var bomb = BoundedImportTests.Bomb(kind, SpreadsheetBombs.RosterHeader);

        var page = await RosterSteps.UploadAsync(await RosterSteps.SignedInAsync(Fixture, world.EmployerEmail), bomb, "staff.xlsx");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains("The roster was not verified", html);
        Assert.Contains(expected, html);

        var content = new ByteArrayContent(bomb);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var api = await world.KeyClient(Fixture).PostAsync("/api/v1/roster-verifications", new MultipartFormDataContent { { content, "roster", "staff.xlsx" } });

        var problem = await api.Content.ReadAsStringAsync();
        Assert.True(api.StatusCode == HttpStatusCode.BadRequest, $"{(int)api.StatusCode} {problem}");
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Contains(expected, problem);
        Assert.Equal(0, await Fixture.QueryAsync(db => db.RosterVerifications.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(BoundedImportTests.Bombs), MemberType = typeof(BoundedImportTests))]
    public async Task A_bomb_is_refused_by_the_exam_import_with_a_clear_message_and_nothing_written(string kind, string expected)
    {
        var tennessee = TestData.State("TN", "Tennessee", "CPRS", TestData.Requirements());
        var applicant = TestData.Person();
        await Fixture.InsertAsync(tennessee, applicant);
        await Fixture.InsertAsync(CertificationApplication.Start(applicant.Id, tennessee.Programs[0].Id, ApplicationType.Initial, Guid.NewGuid(), Now));
        await Fixture.CreateUserAsync("reviewer@tn.example", "Reviewer", "TN");
        var staff = await Fixture.ApiClientAsync("reviewer@tn.example");
        var file = new ByteArrayContent(BoundedImportTests.Bomb(kind, SpreadsheetBombs.ExamHeader));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        var response = await staff.PostAsync($"/api/v1/exams/{tennessee.Programs[0].Id}/imports", new MultipartFormDataContent { { file, "file", "results.xlsx" } });

        var problem = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {problem}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(expected, problem);
        Assert.Equal(0, await Fixture.QueryAsync(db => db.ExamAttempts.CountAsync()));
    }
}

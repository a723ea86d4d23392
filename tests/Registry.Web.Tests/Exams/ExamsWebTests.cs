using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Domain.Applications;
using Registry.Domain.People;
using Registry.Infrastructure.Persistence;
using Registry.Testing;

namespace Registry.Web.Tests.Exams;

/// <summary>Exam results through the API and the /Staff/Exams page, and who may reach them.</summary>
public sealed class ExamsWebTests(WebFixture fixture) : WebTest(fixture)
{
    private static readonly DateOnly Today = TestClock.StartDay;

    private async Task<(Guid ProgramId, Person Applicant)> ArrangeAsync()
    {
        var tennessee = TestData.State("TN", "Tennessee", "CPRS", TestData.Requirements());
        var pennsylvania = TestData.State("PA", "Pennsylvania", "CPS", TestData.Requirements());
        var applicant = TestData.Person();
        await Fixture.InsertAsync(tennessee, pennsylvania, applicant);
        await Fixture.InsertAsync(CertificationApplication.Start(applicant.Id, tennessee.Programs[0].Id, ApplicationType.Initial, Guid.NewGuid(), Now));
        await Fixture.CreateUserAsync("reviewer@tn.example", "Reviewer", "TN");
        await Fixture.CreateUserAsync("reviewer@pa.example", "Reviewer", "PA");
        await Fixture.CreateUserAsync("applicant@test.example", "Applicant", personId: applicant.Id);
        return (tennessee.Programs[0].Id, applicant);
    }

    private static byte[] Workbook(params (string Email, DateOnly On, object Score)[] rows)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("Results");
        sheet.Cell(1, 1).SetValue("Email");
        sheet.Cell(1, 2).SetValue("Exam Date");
        sheet.Cell(1, 3).SetValue("Score");
        for (var r = 0; r < rows.Length; r++)
        {
            sheet.Cell(r + 2, 1).SetValue(rows[r].Email);
            sheet.Cell(r + 2, 2).SetValue(rows[r].On.ToDateTime(TimeOnly.MinValue));
            sheet.Cell(r + 2, 3).SetValue(rows[r].Score.ToString());
        }
        using var output = new MemoryStream();
        workbook.SaveAs(output);
        return output.ToArray();
    }

    private static MultipartFormDataContent Upload(byte[] bytes, string field = "file", MultipartFormDataContent? form = null)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form ??= [];
        form.Add(file, field, "results.xlsx");
        return form;
    }

    private Task<int> AttemptCountAsync() => Task.Run(async () =>
    {
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().ExamAttempts.CountAsync();
    });

    [Fact]
    public async Task Staff_record_import_and_list_sittings_through_the_api()
    {
        var (programId, applicant) = await ArrangeAsync();
        var staff = await Fixture.ApiClientAsync("reviewer@tn.example");

        var recorded = await staff.PostAsJsonAsync($"/api/v1/exams/{programId}/attempts", new { email = applicant.Email, takenOn = Today.AddDays(-200), score = 40 });
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        var tooSoon = await staff.PostAsJsonAsync($"/api/v1/exams/{programId}/attempts", new { personId = applicant.Id, takenOn = Today.AddDays(-190), score = 40 });
        Assert.Equal(HttpStatusCode.Conflict, tooSoon.StatusCode);

        var bad = await staff.PostAsync($"/api/v1/exams/{programId}/imports", Upload(Workbook((applicant.Email!, Today.AddDays(-100), 80), ("nobody@example.org", Today.AddDays(-100), 80))));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var rows = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rows");
        Assert.Equal(3, Assert.Single(rows.EnumerateArray()).GetProperty("row").GetInt32());
        Assert.Equal(1, await AttemptCountAsync());

        var good = await staff.PostAsync($"/api/v1/exams/{programId}/imports", Upload(Workbook((applicant.Email!, Today.AddDays(-100), 80))));
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal(1, (await good.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("imported").GetInt32());

        var notASheet = await staff.PostAsync($"/api/v1/exams/{programId}/imports", Upload("hello"u8.ToArray()));
        Assert.Equal(HttpStatusCode.BadRequest, notASheet.StatusCode);

        var listed = await staff.GetFromJsonAsync<JsonElement>($"/api/v1/exams/{programId}/attempts?personId={applicant.Id}");
        Assert.Equal([1, 2], listed.EnumerateArray().Select(a => a.GetProperty("attemptNumber").GetInt32()));
    }

    [Fact]
    public async Task Anonymous_callers_applicants_and_other_states_are_refused()
    {
        var (programId, applicant) = await ArrangeAsync();
        var body = new { email = applicant.Email, takenOn = Today, score = 90 };

        Assert.Equal(HttpStatusCode.Unauthorized, (await Fixture.Client().PostAsJsonAsync($"/api/v1/exams/{programId}/attempts", body)).StatusCode);
        var own = await Fixture.ApiClientAsync("applicant@test.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await own.PostAsJsonAsync($"/api/v1/exams/{programId}/attempts", body)).StatusCode);
        var other = await Fixture.ApiClientAsync("reviewer@pa.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsJsonAsync($"/api/v1/exams/{programId}/attempts", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsync($"/api/v1/exams/{programId}/imports", Upload(Workbook((applicant.Email!, Today, 90))))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/api/v1/exams/{programId}/attempts")).StatusCode);
        Assert.Equal(0, await AttemptCountAsync());

        var page = await Fixture.Client().GetAsync("/Staff/Exams");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/Account/Login", page.Headers.Location!.ToString());
        var applicantBrowser = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(applicantBrowser, "applicant@test.example");
        var refused = await applicantBrowser.GetAsync("/Staff/Exams");
        Assert.True(refused.StatusCode is HttpStatusCode.Forbidden || refused.Headers.Location?.ToString().Contains("AccessDenied") == true, refused.StatusCode.ToString());
    }

    [Fact]
    public async Task Staff_import_through_the_page_and_see_the_bad_rows_or_the_counts()
    {
        var (programId, applicant) = await ArrangeAsync();
        var browser = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(browser, "reviewer@tn.example");
        var form = await browser.GetStringAsync($"/Staff/Exams?programId={programId}");
        Assert.Contains("enctype=\"multipart/form-data\"", form);

        async Task<string> ImportAsync(byte[] file)
        {
            var content = Upload(file, "ResultsFile", new MultipartFormDataContent { { new StringContent(WebFixture.AntiforgeryToken(form)), "__RequestVerificationToken" } });
            var response = await browser.PostAsync($"/Staff/Exams?handler=Import&programId={programId}", content);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadAsStringAsync();
        }

        var refused = await ImportAsync(Workbook((applicant.Email!, Today.AddDays(-20), 80), (applicant.Email!, Today.AddDays(3), 80)));
        Assert.Contains("Nothing was imported", refused);
        Assert.Matches(@"<th scope=""row"">3</th><td>The exam date [0-9-]+ is in the future\.</td>", refused);
        Assert.Equal(0, await AttemptCountAsync());

        var imported = await ImportAsync(Workbook((applicant.Email!, Today.AddDays(-20), 80)));
        Assert.Contains("1 result(s) imported; 0 already recorded", imported);
        Assert.Equal(1, await AttemptCountAsync());

        var noToken = await browser.PostAsync($"/Staff/Exams?handler=Import&programId={programId}", Upload(Workbook((applicant.Email!, Today.AddDays(-20), 80)), "ResultsFile"));
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
    }
}

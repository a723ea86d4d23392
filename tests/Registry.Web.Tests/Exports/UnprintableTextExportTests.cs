using System.Net;
using System.Text;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Application.Features.Workforce;
using Registry.Domain.Credentials;
using Registry.Testing;
using Registry.Web.Tests.Verification;

namespace Registry.Web.Tests.Exports;

/// <summary>
/// A name holding characters XML 1.0 forbids (put in the database past any validation) still downloads: each such
/// character is written as U+FFFD, and the rest of the workbook is intact.
/// </summary>
public sealed class UnprintableTextExportTests(WebFixture fixture) : WebTest(fixture)
{
    private const string Unprintable = "Ho\u0001l\uFFFEder";
    private const string Cleaned = "Ho\uFFFDl\uFFFDder";

    [Fact]
    public async Task The_state_roster_and_the_holders_own_record_download_with_the_name_cleaned()
    {
        var state = TestData.State("TN", "Tennessee", "CPRS", TestData.NoRequirements());
        var holder = TestData.Person("Ada", "Holder");
        await Fixture.InsertAsync(state, holder, Credential.Issue(state.Programs[0], holder.Id, new DateOnly(2024, 3, 1), Guid.NewGuid(), Now));
        await Fixture.QueryAsync(db => db.People.Where(p => p.Id == holder.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.LegalLastName, Unprintable)));
        await Fixture.CreateUserAsync("reviewer.tn@test.example", Roles.Reviewer, state: "TN");
        await Fixture.CreateUserAsync("holder@test.example", Roles.Applicant, personId: holder.Id);

        var roster = await (await Fixture.ApiClientAsync("reviewer.tn@test.example")).GetAsync("/api/v1/exports/roster/TN");
        Assert.Equal(HttpStatusCode.OK, roster.StatusCode);
        using (var book = new XLWorkbook(await roster.Content.ReadAsStreamAsync()))
            Assert.Equal(Cleaned, book.Worksheet("Roster").Cell(2, 7).GetString());

        var record = await (await Fixture.ApiClientAsync("holder@test.example")).GetAsync("/api/v1/me/record.xlsx");
        Assert.Equal(HttpStatusCode.OK, record.StatusCode);
        using (var book = new XLWorkbook(await record.Content.ReadAsStreamAsync()))
            Assert.Equal(Cleaned, book.Worksheet("Profile").Cell(3, 2).GetString());
    }

    [Fact]
    public async Task A_roster_naming_someone_unprintably_gets_its_result_workbook()
    {
        var world = await VerificationWebScenario.SeedAsync(Fixture);
        var client = await RosterSteps.SignedInAsync(Fixture, world.EmployerEmail);

        var upload = await RosterSteps.UploadAsync(client, Encoding.UTF8.GetBytes($"Last name,State\n{Unprintable},TN\n=cmd\u0001,TN\n"), "staff.csv");

        var (_, response) = await RosterSteps.ResultAsync(client, upload);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = RosterSteps.ReadWorkbook(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains(rows, r => r.Contains(Cleaned));
        Assert.Contains(rows, r => r.Contains("=cmd\uFFFD")); // still text, never a formula
    }

    [Fact]
    public async Task Every_writer_copes_with_half_a_surrogate_pair_and_keeps_whole_ones()
    {
        const string Broken = "Lone \uD800 high, lone \uDC00 low, whole \uD83D\uDE00, and \u007F";
        const string Written = "Lone \uFFFD high, lone \uFFFD low, whole \uD83D\uDE00, and \uFFFD";
        var row = new ExportRoster.Row("TN-CPRS-000001", "CPRS", "Active", new DateOnly(2024, 3, 1), new DateOnly(2026, 3, 1), Broken, Broken, Broken, "a@b.example", Broken, null, null, []);
        using var output = new MemoryStream();

        await new Registry.Infrastructure.Exports.Workforce.RosterWorkbook().WriteAsync(new[] { row }.ToAsyncEnumerable(), output, CancellationToken.None);

        using var book = new XLWorkbook(new MemoryStream(output.ToArray()));
        Assert.Equal(Written, book.Worksheet(1).Cell(2, 6).GetString());

        var verification = new Registry.Infrastructure.Exports.RosterWorkbook().Write([new RosterResultRow(new RosterRow(2, null, Broken, Broken, "TN"), null, "No match.", null)]);
        Assert.Contains(RosterSteps.ReadWorkbook(verification), r => r.Contains(Written));
    }
}

using System.Text;
using ClosedXML.Excel;
using FluentValidation;
using Registry.Application.Features.Exams;
using Registry.Domain.Applications;
using Registry.Domain.Exams;
using Registry.Testing;

namespace Registry.Application.Tests.Features.Exams;

public sealed class ImportExamResultsTests(SliceFixture fixture) : SliceTest(fixture)
{
    private static readonly DateOnly Today = ExamScenario.Today;

    private Task<ImportExamResults.Outcome> ImportAsync(ExamScenario s, byte[] file, string name = "results.xlsx") =>
        Fixture.SendAsync(new ImportExamResults.Command(s.Program.Id, new MemoryStream(file), name), s.Reviewer);

    [Fact]
    public async Task A_workbook_naming_candidates_by_id_or_email_with_date_cells_or_text_is_imported()
    {
        var s = await ExamScenario.ArrangeAsync(Fixture);
        var file = ExamFiles.Workbook(["Score", "Exam Date", "Candidate ID", "Email"],
            [85, Today.AddDays(-100), s.Applicant.Id.ToString(), null],
            [40, Today.AddDays(-90).ToString("yyyy-MM-dd"), null, s.OtherApplicant.Email!.ToUpperInvariant()],
            [75, Today.AddDays(-50), null, s.OtherApplicant.Email]);

        var outcome = await ImportAsync(s, file);

        Assert.False(outcome.Refused, string.Join("; ", outcome.Problems));
        Assert.Equal((3, 0), (outcome.Imported, outcome.AlreadyPresent));
        var other = await Fixture.SendAsync(new ListExamAttempts.Query(s.Program.Id, s.OtherApplicant.Id), s.Reviewer);
        Assert.Equal([(1, false), (2, true)], other.Select(a => (a.AttemptNumber, a.Passed)));
    }

    [Fact]
    public async Task Importing_the_same_file_twice_changes_nothing_the_second_time()
    {
        var s = await ExamScenario.ArrangeAsync(Fixture);
        var file = ExamFiles.Workbook(["Email", "Exam date", "Score"], [s.Applicant.Email, Today.AddDays(-40), 55], [s.OtherApplicant.Email, Today.AddDays(-3), 99]);
        await ImportAsync(s, file);
        var before = await Fixture.QueryAsync(db => Task.FromResult(db.ExamAttempts.OrderBy(a => a.Id).Select(a => new { a.Id, a.RecordedAt }).ToList()));

        var again = await ImportAsync(s, file);

        Assert.Equal((0, 2, false), (again.Imported, again.AlreadyPresent, again.Refused));
        var after = await Fixture.QueryAsync(db => Task.FromResult(db.ExamAttempts.OrderBy(a => a.Id).Select(a => new { a.Id, a.RecordedAt }).ToList()));
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task A_different_score_for_an_imported_date_is_a_bad_row()
    {
        var s = await ExamScenario.ArrangeAsync(Fixture);
        await ImportAsync(s, ExamFiles.Workbook(["Email", "Exam date", "Score"], [s.Applicant.Email, Today.AddDays(-40), 55]));

        var outcome = await ImportAsync(s, ExamFiles.Workbook(["Email", "Exam date", "Score"], [s.Applicant.Email, Today.AddDays(-40), 56]));

        var problem = Assert.Single(outcome.Problems);
        Assert.Equal(2, problem.Row);
        Assert.Contains("different score", problem.Reason);
    }

    [Fact]
    public async Task Bad_rows_are_all_reported_by_row_number_and_nothing_is_written()
    {
        var s = await ExamScenario.ArrangeAsync(Fixture);
        var rows = Enumerable.Range(0, 10).Select(i => new object?[] { i % 2 == 0 ? s.Applicant.Email : s.OtherApplicant.Email, Today.AddDays(-700 + i / 2 * 130), 50 }).ToArray();
        rows[2][0] = "nobody@example.org";       // file row 4
        rows[5][1] = Today.AddDays(5);           // file row 7
        rows[8][2] = "12.5";                      // file row 10

        var outcome = await ImportAsync(s, ExamFiles.Workbook(["Email", "Exam date", "Score"], rows));

        Assert.Equal([4, 7, 10], outcome.Problems.Select(p => p.Row));
        Assert.Contains("Unknown candidate", outcome.Problems[0].Reason);
        Assert.Contains("future", outcome.Problems[1].Reason);
        Assert.Contains("whole number", outcome.Problems[2].Reason);
        Assert.Equal(0, await Fixture.CountAsync<ExamAttempt>());
    }

    [Fact]
    public async Task Duplicates_strangers_and_broken_retake_rules_are_bad_rows()
    {
        var s = await ExamScenario.ArrangeAsync(Fixture);
        var outcome = await ImportAsync(s, ExamFiles.Workbook(["Candidate ID", "Exam date", "Score"],
            [s.Applicant.Id.ToString(), Today.AddDays(-60), 50],
            [s.Applicant.Id.ToString(), Today.AddDays(-60), 50],
            [s.Applicant.Id.ToString(), Today.AddDays(-50), 50],
            [s.Stranger.Id.ToString(), Today.AddDays(-50), 50],
            ["not-a-guid", Today.AddDays(-50), 50]));

        Assert.Equal([3, 4, 5, 6], outcome.Problems.Select(p => p.Row));
        Assert.Contains("Duplicate of row 2", outcome.Problems[0].Reason);
        Assert.Contains("30 days", outcome.Problems[1].Reason);
        Assert.Contains("no application", outcome.Problems[2].Reason);
        Assert.Contains("not a valid id", outcome.Problems[3].Reason);
        Assert.Equal(0, await Fixture.CountAsync<ExamAttempt>());
    }

    [Fact]
    public async Task A_csv_with_a_bom_quoted_commas_and_crlf_is_imported()
    {
        var s = await ExamScenario.ArrangeAsync(Fixture);
        var csv = "\uFEFFName,\"E-mail\",Exam Date,Score\r\n" +
                  $"\"Alvarez, Robin \"\"Rob\"\"\",{s.Applicant.Email},{Today.AddDays(-10):yyyy-MM-dd},71\r\n" +
                  $"\"Morrow,\nKai\",\"{s.OtherApplicant.Email}\",{Today.AddDays(-11):yyyy-MM-dd},\"12,5\"\n";

        var refused = await ImportAsync(s, Encoding.UTF8.GetBytes(csv), "results.csv");
        Assert.Equal(3, Assert.Single(refused.Problems).Row); // a record is a row, even with a quoted line break in it

        var outcome = await ImportAsync(s, Encoding.UTF8.GetBytes(csv.Replace("\"12,5\"", "64")), "results.csv");
        Assert.Equal((2, 0), (outcome.Imported, outcome.AlreadyPresent));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Dear staff, please find the results attached.\nRegards")]
    [InlineData("Email,Score\nrobin@example.org,80")]
    [InlineData("Email,Exam date,Score\n")]
    public async Task Files_that_are_not_results_are_refused_clearly(string text)
    {
        var s = await ExamScenario.ArrangeAsync(Fixture);
        var refused = await Assert.ThrowsAsync<ValidationException>(() => ImportAsync(s, Encoding.UTF8.GetBytes(text), "results.csv"));
        Assert.Equal(nameof(ImportExamResults.Command.File), Assert.Single(refused.Errors).PropertyName);
        Assert.Equal(0, await Fixture.CountAsync<ExamAttempt>());
    }

    [Fact]
    public async Task Binary_files_and_damaged_zips_are_refused_clearly()
    {
        var s = await ExamScenario.ArrangeAsync(Fixture);
        await Assert.ThrowsAsync<ValidationException>(() => ImportAsync(s, [0x25, 0x50, 0x44, 0x46, 0x00, 0xFF, 0xFE, 0x00]));
        await Assert.ThrowsAsync<ValidationException>(() => ImportAsync(s, [0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5, 6]));
    }

    [Fact]
    public async Task A_large_file_failing_on_its_last_rows_writes_nothing()
    {
        var s = await ExamScenario.ArrangeAsync(Fixture);
        var people = Enumerable.Range(0, 200).Select(i => TestData.Person("P" + i, "Bulk")).ToList();
        await Fixture.InsertAsync([.. people]);
        await Fixture.InsertAsync([.. people.Select(p => CertificationApplication.Start(p.Id, s.Program.Id, ApplicationType.Initial, Guid.NewGuid(), Now))]);
        // Ten failed sittings each, 122 days apart: within the wait and the three-a-year rule.
        var rows = Enumerable.Range(0, 2000).Select(i => new object?[] { people[i % 200].Email, Today.AddDays(-122 * (i / 200 + 1)), 10 }).ToArray();
        rows[1997][2] = "ten"; // file row 1,999

        var outcome = await ImportAsync(s, ExamFiles.Workbook(["Email", "Exam date", "Score"], rows));

        Assert.Equal(1999, Assert.Single(outcome.Problems).Row);
        Assert.Equal(0, await Fixture.CountAsync<ExamAttempt>());
        rows[1997][2] = 10;
        Assert.Equal(2000, (await ImportAsync(s, ExamFiles.Workbook(["Email", "Exam date", "Score"], rows))).Imported);
    }
}

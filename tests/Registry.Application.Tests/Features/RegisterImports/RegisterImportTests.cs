using System.Text;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Features.RegisterImports;
using Registry.Domain.Common;
using Registry.Domain.Credentials;
using Registry.Domain.Jurisdictions;
using Registry.Domain.People;
using Registry.Infrastructure.Exports.Workforce;
using Registry.Testing;

namespace Registry.Application.Tests.Features.RegisterImports;

/// <summary>
/// A state's earlier register brought in: the dry run reports on every row and writes nothing else; the import
/// writes every row or nothing, keeps the numbers, matches people already here, builds each credential's history,
/// and a second import of the same file changes nothing. The background job is the host's real Hangfire server.
/// </summary>
public sealed class RegisterImportTests(SliceFixture fixture) : SliceTest(fixture)
{
    private const string Header = "Program,Credential number,Legal first name,Legal last name,Email,Phone,Date of birth,Status,Issued on,Expires on,Status since,Discipline history,CE hours this cycle\n";

    private async Task<(Jurisdiction State, Person Known)> WorldAsync()
    {
        var wyoming = TestData.State("WY", "Wyoming", "CPRS");
        var ohio = TestData.State("OH", "Ohio", "OPS");
        var known = new Person("Dana", "Known", "Dana.Known@example.org");
        var twin = new Person("Sam", "Twin", "sam.twin.old@example.org");
        twin.UpdateContact(null, new DateOnly(1980, 4, 2), null);
        await Fixture.InsertAsync(wyoming, ohio, known, twin);
        return (wyoming, known);
    }

    private async Task<RegisterImport> SubmitAndWaitAsync(string csv, string fileName = "register.csv")
    {
        var submitted = await Fixture.SendAsync(new SubmitRegisterImport.Command("WY", new MemoryStream(Encoding.UTF8.GetBytes(csv)), fileName), TestUsers.StateAdmin("WY"));
        return await WaitAsync(submitted.Id);
    }

    private async Task<RegisterImport> ImportAndWaitAsync(Guid id)
    {
        await Fixture.SendAsync(new ImportRegister.Command("WY", id), TestUsers.StateAdmin("WY"));
        return await WaitAsync(id);
    }

    private async Task<RegisterImport> WaitAsync(Guid id)
    {
        for (var i = 0; i < 1200; i++)
        {
            var import = await Fixture.QueryAsync(db => db.RegisterImports.AsNoTracking().SingleAsync(r => r.Id == id));
            if (!import.IsRunning) return import;
            await Task.Delay(250);
        }
        throw new TimeoutException("The register import job did not finish.");
    }

    private Task<List<RegisterImportLine>> ReportAsync(Guid id) =>
        Fixture.QueryAsync(db => db.RegisterImportLines.Where(l => l.RegisterImportId == id).OrderBy(l => l.Row).ToListAsync());

    private const string Clean =
        Header +
        "CPRS,WY-CPRS-000120,Ana,New,ana.new@example.org,555-0100,,Active,2024-03-01,2026-02-28,,,12\n" +       // row 2: new person
        "cprs,121,Dana,Known,DANA.KNOWN@example.org,,,Suspended,3/1/2023,3/1/2027,2025-01-10,\"2024-06-01 Reprimanded: late paperwork; 2025-01-10 Suspended until 2025-07-10: an unreported conviction\",\n" + // row 3: same e-mail
        "CPRS,000200,Sam,Twin,,,4/2/1980,Expired,2020-01-01,2022-01-01,2022-01-02,,\n" +                         // row 4: same name and date of birth
        "CPRS,WY-CPRS-000122,Ana,New,ana.new@example.org,,,Active,2025-03-01,2027-02-28,,,\n";                     // row 5: the person of row 2

    [Fact]
    public async Task A_dry_run_reports_every_row_and_writes_nothing_else_then_the_import_writes_the_rows_with_their_numbers_and_history()
    {
        var (wyoming, known) = await WorldAsync();
        var people = await Fixture.CountAsync<Person>();

        var checkedRun = await SubmitAndWaitAsync(Clean);

        Assert.Equal((RegisterImportStatus.Checked, 4, 0, 1, 2, 4, 0), (checkedRun.Status, checkedRun.Rows, checkedRun.Problems, checkedRun.NewPeople, checkedRun.MatchedPeople, checkedRun.NewCredentials, checkedRun.Unchanged));
        var report = await ReportAsync(checkedRun.Id);
        Assert.Equal([RegisterRowOutcome.NewPerson, RegisterRowOutcome.SameEmail, RegisterRowOutcome.SameNameAndBirthDate, RegisterRowOutcome.PersonOfEarlierRow], report.Select(l => l.Outcome));
        Assert.Contains("same e-mail", report[1].Message);
        Assert.Contains("row 2", report[3].Message);
        Assert.Equal(people, await Fixture.CountAsync<Person>());
        Assert.Equal(0, await Fixture.CountAsync<Credential>());

        var imported = await ImportAndWaitAsync(checkedRun.Id);

        Assert.Equal((RegisterImportStatus.Imported, 4, 1, 2, 4), (imported.Status, imported.Rows, imported.NewPeople, imported.MatchedPeople, imported.NewCredentials));
        Assert.Equal(people + 1, await Fixture.CountAsync<Person>());
        var credentials = await Fixture.QueryAsync(db => db.Credentials.Include(c => c.History).OrderBy(c => c.Number).ToListAsync());
        Assert.Equal(["WY-CPRS-000120", "WY-CPRS-000121", "WY-CPRS-000122", "WY-CPRS-000200"], credentials.Select(c => c.Number.Value));
        var suspended = credentials[1];
        Assert.Equal((known.Id, CredentialStatus.Suspended), (suspended.HolderPersonId, suspended.Status));
        Assert.Equal([CredentialEventKind.Issued, CredentialEventKind.Reprimanded, CredentialEventKind.Suspended, CredentialEventKind.Imported],
            suspended.History.OrderBy(e => e.Sequence).Select(e => e.Kind));
        var marker = suspended.History.Single(e => e.Kind == CredentialEventKind.Imported);
        Assert.Equal((imported.Id, 3), (marker.RegisterImportId, marker.ImportRow));
        Assert.Equal(CredentialStatus.Active, suspended.StatusOn(new DateOnly(2024, 12, 31)));
        Assert.Equal(CredentialStatus.Suspended, suspended.StatusOn(new DateOnly(2025, 2, 1)));
        Assert.Null(suspended.StatusOn(new DateOnly(2023, 2, 28)));
        Assert.Equal(CredentialStatus.Expired, credentials[3].StatusOn(new DateOnly(2023, 1, 1)));
        Assert.Single(credentials.Select(c => c.HolderPersonId).Where(id => id == credentials[0].HolderPersonId).Skip(1)); // rows 2 and 5: one person
        Assert.Contains("12 hours", credentials[0].History.Single(e => e.Kind == CredentialEventKind.Imported).Reason);

        // New numbers continue after the highest imported one.
        var program = await Fixture.QueryAsync(db => db.Programs.SingleAsync(p => p.Id == wyoming.Programs[0].Id));
        Assert.Equal(200, program.LastCredentialSequence);

        // One audit entry sums the import up; none for each person or credential it added.
        var audit = await Fixture.QueryAsync(db => db.AuditEntries.Where(a => a.Action == nameof(RunRegisterImport)).ToListAsync());
        Assert.DoesNotContain(audit, a => a.EntityType is nameof(Person) or nameof(Credential));
        Assert.Contains(audit, a => a.EntityType == nameof(RegisterImport) && a.EntityId == imported.Id.ToString() && a.After!.Contains("\"NewCredentials\":4"));

        // The workforce ledger took the imported histories in, backdated rows and all.
        foreach (var (from, to) in new[] { (new DateOnly(2023, 1, 1), new DateOnly(2023, 1, 1)), (new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31)), (new DateOnly(2020, 1, 1), new DateOnly(2027, 6, 30)) })
        {
            var ledger = await Fixture.RunAsync<IWorkforceCounts, IReadOnlyList<CredentialCountRow>>(c => c.CredentialCountsAsync(from, to, [wyoming.Code], CancellationToken.None));
            var histories = await Fixture.RunAsync<IWorkforceCounts, IReadOnlyList<CredentialCountRow>>(c =>
                ((WorkforceSql)c).CredentialCountsFromHistoriesAsync(from, to, [wyoming.Code], CancellationToken.None));
            Assert.Equal(Describe(histories), Describe(ledger));
        }
        Assert.NotEqual("", Describe(await Fixture.RunAsync<IWorkforceCounts, IReadOnlyList<CredentialCountRow>>(c =>
            c.CredentialCountsAsync(new DateOnly(2020, 1, 1), new DateOnly(2027, 6, 30), [wyoming.Code], CancellationToken.None))));
    }

    private static string Describe(IEnumerable<CredentialCountRow> rows) =>
        string.Join("\n", rows.Where(r => r.Counts != WorkforceCounts.None)
            .Select(r => $"{r.ProgramId} {r.ResidenceState} {r.County}: {r.Counts}").Order(StringComparer.Ordinal));

    [Fact]
    public async Task Importing_the_same_file_again_changes_nothing_and_says_so_row_by_row()
    {
        await WorldAsync();
        await ImportAndWaitAsync((await SubmitAndWaitAsync(Clean)).Id);
        var (people, credentials, events) = (await Fixture.CountAsync<Person>(), await Fixture.CountAsync<Credential>(), await Fixture.CountAsync<CredentialEvent>());

        var again = await SubmitAndWaitAsync(Clean);
        Assert.Equal((RegisterImportStatus.Checked, 0, 4, 0), (again.Status, again.Problems, again.Unchanged, again.NewCredentials));
        Assert.All(await ReportAsync(again.Id), l => Assert.Equal(RegisterRowOutcome.Unchanged, l.Outcome));
        var done = await ImportAndWaitAsync(again.Id);

        Assert.Equal((RegisterImportStatus.Imported, 4), (done.Status, done.Unchanged));
        Assert.Equal((people, credentials, events), (await Fixture.CountAsync<Person>(), await Fixture.CountAsync<Credential>(), await Fixture.CountAsync<CredentialEvent>()));
    }

    [Fact]
    public async Task Bad_rows_are_each_reported_with_their_row_and_column_and_the_file_cannot_be_imported()
    {
        var (wyoming, known) = await WorldAsync();
        // A credential of the registry's own, held by Dana Known.
        await Fixture.InsertAsync(Credential.Issue(await Fixture.QueryAsync(db => db.Programs.SingleAsync(p => p.Id == wyoming.Programs[0].Id)), known.Id, new DateOnly(2025, 1, 1), Guid.NewGuid(), Now));
        var csv = Header +
                  "CPRS,300,Ana,One,one@example.org,,,Active,2024-03-01,2026-02-28,,,\n" +           // 2 fine
                  "CPRS,300,Ana,Two,two@example.org,,,Active,2024-03-01,2026-02-28,,,\n" +           // 3 duplicate number
                  "CPRS,1,Bo,Other,bo@example.org,,,Active,2024-03-01,2026-02-28,,,\n" +             // 4 number held by another person
                  "CPRS,301,Cy,Three,cy@example.org,,,Retired,2024-03-01,2026-02-28,,,\n" +          // 5 unknown status
                  "CPRS,302,Di,Four,di@example.org,,,Active,2024-03-01,2023-02-28,,,\n" +            // 6 expiry before issue
                  "CPRS,303,Ed,Five,ed@example.org,,,Active,2030-03-01,2032-02-28,,,\n" +            // 7 issued in the future
                  "XYZ,304,Fa,Six,fa@example.org,,,Active,2024-03-01,2026-02-28,,,\n" +              // 8 unknown program
                  "OPS,305,Gu,Seven,gu@example.org,,,Active,2024-03-01,2026-02-28,,,\n" +            // 9 another state's program
                  "CPRS,OH-OPS-000306,Hu,Eight,hu@example.org,,,Active,2024-03-01,2026-02-28,,,\n" + // 10 number of another form
                  "CPRS,307,Io,Nine,io@example.org,,13/45/1990,Active,2024-03-01,2026-02-28,,,\n" +  // 11 date of birth not a date
                  "CPRS,308,Lee,Unwritten,,,,Active,2024-03-01,2026-02-28,,,\n";                     // 12 fine: a new person without an e-mail

        var run = await SubmitAndWaitAsync(csv);

        Assert.Equal((RegisterImportStatus.Checked, 11, 9), (run.Status, run.Rows, run.Problems));
        var report = (await ReportAsync(run.Id)).ToDictionary(l => l.Row);
        Assert.Equal(RegisterRowOutcome.NewPerson, report[2].Outcome);
        Assert.Equal(RegisterRowOutcome.NewPerson, report[12].Outcome);
        Assert.All(report.Values.Where(l => l.Row is > 2 and < 12), l => Assert.Equal(RegisterRowOutcome.Problem, l.Outcome));
        Assert.Contains("Credential number: WY-CPRS-000300 is also on row 2", report[3].Message);
        Assert.Contains("already held by another person", report[4].Message);
        Assert.Contains("Status: 'Retired' is not a status the registry has", report[5].Message);
        Assert.Contains("Expires on: 2023-02-28 is not after the issue date", report[6].Message);
        Assert.Contains("Issued on: 2030-03-01 is in the future", report[7].Message);
        Assert.Contains("Program: 'XYZ' is not a program of WY", report[8].Message);
        Assert.Contains("Program: OPS is a program of OH", report[9].Message);
        Assert.Contains("write it as WY-CPRS-000123 or as its digits alone", report[10].Message);
        Assert.Contains("Date of birth: the value is not a date", report[11].Message);
        Assert.DoesNotContain("13/45/1990", report[11].Message);

        await Assert.ThrowsAsync<DomainRuleException>(() => Fixture.SendAsync(new ImportRegister.Command("WY", run.Id), TestUsers.StateAdmin("WY")));
        Assert.Equal(1, await Fixture.CountAsync<Credential>());
    }

    [Fact]
    public async Task An_import_that_finds_the_registry_changed_since_its_dry_run_writes_nothing_and_says_why()
    {
        var (wyoming, _) = await WorldAsync();
        var run = await SubmitAndWaitAsync(Clean);
        var people = await Fixture.CountAsync<Person>();
        // Meanwhile number 122 is issued here, to someone else.
        var program = await Fixture.QueryAsync(db => db.Programs.SingleAsync(p => p.Id == wyoming.Programs[0].Id));
        var other = TestData.Person("Pat", "Elsewhere");
        await Fixture.InsertAsync(other);
        await Fixture.InsertAsync(Credential.Import(program, other.Id,
            new ImportedCredential(CredentialNumber.Create(wyoming.Code, "CPRS", 122), new DateOnly(2024, 1, 1), new DateOnly(2026, 1, 1), CredentialStatus.Active, null, [], null),
            new ImportSource(run.Id, 99, new DateOnly(2027, 6, 1)), Guid.NewGuid(), Now));

        var refused = await ImportAndWaitAsync(run.Id);

        Assert.Equal(RegisterImportStatus.Refused, refused.Status);
        Assert.Contains("row 5", refused.Problem);
        Assert.Contains("already held by another person", (await ReportAsync(run.Id)).Single(l => l.Row == 5).Message);
        Assert.Equal(people + 1, await Fixture.CountAsync<Person>());
        Assert.Equal(1, await Fixture.CountAsync<Credential>());
    }

    [Theory]
    [InlineData("Program,Credential number,Legal first name,Legal last name\nCPRS,1,A,B\n", "'Status', 'Issued on', 'Expires on'")]
    [InlineData("Program,Credential number,Legal first name,Legal last name,Status,Issued on,Expires on\n", "no rows under it")]
    public async Task A_file_without_the_required_columns_or_rows_is_refused_when_handed_in(string csv, string expected)
    {
        await WorldAsync();

        var refused = await Assert.ThrowsAsync<ValidationException>(() =>
            Fixture.SendAsync(new SubmitRegisterImport.Command("WY", new MemoryStream(Encoding.UTF8.GetBytes(csv)), "r.csv"), TestUsers.StateAdmin("WY")));

        Assert.Contains(expected, refused.Message);
        Assert.Equal(0, await Fixture.CountAsync<RegisterImport>());
    }

    [Fact]
    public async Task A_file_of_100000_rows_with_one_bad_row_is_refused_whole_with_the_row_named()
    {
        await WorldAsync();
        var csv = new StringBuilder(Header);
        for (var i = 1; i <= 100_000; i++)
            csv.Append("CPRS,").Append(i).Append(",Peer,P").Append(i).Append(",p").Append(i).Append("@example.org,,,")
                .Append(i == 77_777 ? "Retired" : "Active").Append(",2024-03-01,2026-02-28,,,\n");

        var run = await SubmitAndWaitAsync(csv.ToString());

        Assert.Equal((RegisterImportStatus.Checked, 100_000, 1), (run.Status, run.Rows, run.Problems));
        var problem = Assert.Single(await Fixture.QueryAsync(db => db.RegisterImportLines.Where(l => l.RegisterImportId == run.Id && l.Outcome == RegisterRowOutcome.Problem).ToListAsync()));
        Assert.Equal(77_778, problem.Row); // the header is row 1
        Assert.False(run.CanBeImported);
        Assert.Equal(0, await Fixture.CountAsync<Credential>());
    }
}

using Microsoft.Extensions.DependencyInjection;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Features.Workforce;
using Registry.Domain.Applications;
using Registry.Domain.Eligibility;
using Registry.Domain.Jurisdictions;
using Registry.Domain.People;
using Registry.Testing;
using static Registry.Application.Tests.Features.Workforce.ExportedWorkbook;
using static Registry.Application.Tests.Features.Workforce.WorkforceHistory;

namespace Registry.Application.Tests.Features.Workforce;

public sealed class ExportWorkforceTests(SliceFixture fixture) : SliceTest(fixture)
{
    private static readonly string[] StatusColumns = ["Active", "On probation", "Suspended", "Expired", "Lapsed", "Revoked", "Retired"];
    private static readonly string[] PeriodColumns = ["Issued in period", "Renewed in period", "Expired in period", "Lapsed in period", "Revoked in period"];
    private static readonly string[] AllColumns = [.. StatusColumns, .. PeriodColumns];

    private async Task<byte[]> ExportAsync(System.Security.Claims.ClaimsPrincipal user, params string[] states)
    {
        var report = await Fixture.SendAsync(new ExportWorkforce.Query { From = From, To = To, States = [.. states] }, user);
        using var file = new MemoryStream();
        Fixture.GetService<IWorkforceWorkbook>().Write(report, file);
        return file.ToArray();
    }

    [Fact]
    public async Task The_summary_counts_each_status_at_the_period_end_and_each_change_in_the_period()
    {
        await SeedAsync(Fixture);

        using var workbook = Open(await ExportAsync(TestUsers.SystemAdmin(), "TN", "PA"));

        var rows = workbook.Rows("Summary", "Summary");
        Assert.Equal(["PA CPS", "TN CPRS"], rows.Select(r => $"{r["State"]} {r["Program code"]}"));
        var tn = rows.Single(r => r["State"] == "TN");
        Assert.Equal("Active=6 On probation=1 Suspended=1 Expired=0 Lapsed=1 Revoked=1 Retired=1", Numbers(tn, StatusColumns));
        Assert.Equal("Issued in period=1 Renewed in period=1 Expired in period=2 Lapsed in period=1 Revoked in period=1", Numbers(tn, PeriodColumns));
        var pa = rows.Single(r => r["State"] == "PA");
        Assert.Equal("Active=1 On probation=0 Suspended=0 Expired=0 Lapsed=0 Revoked=0 Retired=0", Numbers(pa, StatusColumns));
        var total = workbook.TotalRow("Summary", "Summary");
        Assert.Equal("Active=7 On probation=1 Suspended=1 Expired=0 Lapsed=1 Revoked=1 Retired=1", Numbers(total, StatusColumns));

        var summary = workbook.Workbook.Worksheet("Summary");
        Assert.Equal("2025-01-01 to 2025-06-30", summary.Cell(2, 2).GetString());
        Assert.Equal("PA, TN", summary.Cell(3, 2).GetString());
        Assert.Equal(("Days", "Generated"), (summary.Cell(4, 1).GetString(), summary.Cell(5, 1).GetString()));
        Assert.Contains("UTC", summary.Cell(5, 2).Style.DateFormat.Format);
        Assert.True(summary.SheetView.SplitRow >= 6, "the table's header is frozen");
        Assert.Contains(workbook.Workbook.Worksheets, s => s.Name == "Definitions");
        Assert.Contains(workbook.Rows("Definitions", "Definitions"), r => r["Column"] == "Retired" && r["What it counts"].Contains("Relinquished"));
    }

    [Fact]
    public async Task The_state_sheet_counts_by_county_with_open_applications_and_decision_times()
    {
        await SeedAsync(Fixture);

        using var workbook = Open(await ExportAsync(TestUsers.StateAdmin("TN")));

        Assert.Equal(["Summary", "TN Tennessee", "Endorsements", "Workforce answers", "Retention", "Definitions"], workbook.Workbook.Worksheets.Select(s => s.Name));
        var counties = workbook.Rows("TN Tennessee", "CountiesTN").ToDictionary(r => r["County"], r => Numbers(r, AllColumns));
        Assert.Equal(["Davidson County", "Knox County", WorkforceReport.OutsideTheState, WorkforceReport.NoAddress], counties.Keys);
        Assert.Equal("Active=3 On probation=0 Suspended=1 Expired=0 Lapsed=0 Revoked=0 Retired=1 Issued in period=0 Renewed in period=1 Expired in period=1 Lapsed in period=0 Revoked in period=0", counties["Davidson County"]);
        Assert.Equal("Active=3 On probation=1 Suspended=0 Expired=0 Lapsed=0 Revoked=0 Retired=0 Issued in period=1 Renewed in period=0 Expired in period=0 Lapsed in period=0 Revoked in period=0", counties["Knox County"]);
        Assert.Equal("Active=0 On probation=0 Suspended=0 Expired=0 Lapsed=1 Revoked=0 Retired=0 Issued in period=0 Renewed in period=0 Expired in period=1 Lapsed in period=1 Revoked in period=0", counties[WorkforceReport.NoAddress]);
        Assert.Equal("Active=0 On probation=0 Suspended=0 Expired=0 Lapsed=0 Revoked=1 Retired=0 Issued in period=0 Renewed in period=0 Expired in period=0 Lapsed in period=0 Revoked in period=1", counties[WorkforceReport.OutsideTheState]);
        Assert.Equal("Active=6 Suspended=1 Lapsed=1 Revoked=1 Retired=1", Numbers(workbook.TotalRow("TN Tennessee", "CountiesTN"), "Active", "Suspended", "Lapsed", "Revoked", "Retired"));

        var open = workbook.Rows("TN Tennessee", "OpenApplicationsTN").Select(r => $"{r["Type"]} {r["Status"]} {r["Applications"]}");
        Assert.Equal(["Initial Under review 2", "Initial Info requested 1", "Renewal Submitted 1"], open);
        var times = Assert.Single(workbook.Rows("TN Tennessee", "DecisionTimesTN"));
        Assert.Equal("Decisions=4 Median days=20 90th percentile days=36", Numbers(times, "Decisions", "Median days", "90th percentile days"));
    }

    [Fact]
    public async Task Application_days_run_midnight_to_midnight_in_the_states_time_zone_and_the_state_sheet_says_so()
    {
        var tennessee = TestData.State("TN", "Tennessee", "CPRS", TestData.NoRequirements(), timeZone: "America/Chicago");
        var program = tennessee.Programs[0];
        var staff = Guid.NewGuid();
        var entities = new List<object> { tennessee };
        CertificationApplication Submitted(DateTimeOffset at)
        {
            var person = TestData.Person("Applicant");
            var application = CertificationApplication.Start(person.Id, program.Id, ApplicationType.Initial, person.Id, at.AddDays(-3));
            application.Submit(person.Id, at, EligibilityResult.NothingRequired);
            entities.AddRange([person, application]);
            return application;
        }
        DateTimeOffset Utc(int year, int month, int day, int hour) => new(year, month, day, hour, 0, 0, TimeSpan.Zero);

        // Decided at 22:00 on 30 June in Nashville (03:00 UTC on 1 July): inside the period there.
        var lateOnTheLastDay = Submitted(Utc(2025, 6, 1, 15));
        lateOnTheLastDay.BeginReview(staff, Utc(2025, 6, 2, 15));
        lateOnTheLastDay.Approve(staff, Utc(2025, 7, 1, 3), null, EligibilityResult.NothingRequired);
        // Decided at 22:00 on 31 December in Nashville (04:00 UTC on 1 January): before the period there.
        var lateTheDayBefore = Submitted(Utc(2024, 12, 1, 15));
        lateTheDayBefore.BeginReview(staff, Utc(2024, 12, 2, 15));
        lateTheDayBefore.Approve(staff, Utc(2025, 1, 1, 4), null, EligibilityResult.NothingRequired);
        // Taken under review at 23:30 on 30 June in Nashville: under review, not submitted, when that day ended there.
        Submitted(Utc(2025, 6, 10, 15)).BeginReview(staff, new DateTimeOffset(2025, 7, 1, 4, 30, 0, TimeSpan.Zero));
        await Fixture.InsertAsync([.. entities]);

        var report = await Fixture.SendAsync(new ExportWorkforce.Query { From = From, To = To, States = ["TN"] }, TestUsers.SystemAdmin());
        using var file = new MemoryStream();
        Fixture.GetService<IWorkforceWorkbook>().Write(report, file);
        using var workbook = Open(file.ToArray());

        var times = Assert.Single(workbook.Rows("TN Tennessee", "DecisionTimesTN"));
        Assert.Equal("Decisions=1 Median days=30", Numbers(times, "Decisions", "Median days"));
        Assert.Equal(["Initial Under review 1"], workbook.Rows("TN Tennessee", "OpenApplicationsTN").Select(r => $"{r["Type"]} {r["Status"]} {r["Applications"]}"));
        var sheet = workbook.Workbook.Worksheet("TN Tennessee");
        var heading = Enumerable.Range(2, 5).ToDictionary(row => sheet.Cell(row, 1).GetString(), row => sheet.Cell(row, 2));
        Assert.Contains("America/Chicago", heading["Days"].GetString());
        Assert.Equal(TimeZoneInfo.ConvertTime(report.GeneratedAt, TimeZoneInfo.FindSystemTimeZoneById("America/Chicago")).DateTime, heading["Generated"].GetDateTime());
        Assert.Contains("America/Chicago", heading["Generated"].Style.DateFormat.Format);
        Assert.Contains(workbook.Rows("Definitions", "Definitions"), r => r["Column"] == "Days and times" && r["What it counts"].Contains("midnight to midnight"));
    }

    [Fact]
    public async Task A_past_period_gives_the_same_numbers_after_newer_changes()
    {
        var history = await SeedAsync(Fixture);
        var first = await Fixture.SendAsync(new ExportWorkforce.Query { From = From, To = To, States = ["TN"] }, TestUsers.SystemAdmin());

        // Later: a holder moves county, a suspended credential is revoked, a new one is issued, the expiry job runs.
        var today = TestClock.StartDay;
        await Fixture.ExecuteAsync(async db =>
        {
            var ada = await db.People.FindAsync(history.Holders["Ada"].Id);
            ada!.UpdateContact(null, null, new PostalAddress("9 Oak St", null, "Memphis", "Shelby", StateCode.Parse("TN"), "38103"), today);
            var gus = await db.Credentials.FindAsync(history.Credentials["Gus"].Id);
            await db.Entry(gus!).Collection(c => c.History).LoadAsync();
            gus!.Revoke("Upheld.", today, Guid.NewGuid(), Now);
            var newcomer = TestData.Person("Newcomer");
            db.AddRange(newcomer, Domain.Credentials.Credential.Issue(await db.Programs.FindAsync(history.Tennessee.Programs[0].Id) ?? throw new InvalidOperationException(), newcomer.Id, today, Guid.NewGuid(), Now));
            await db.SaveChangesAsync();
        });
        // The daily expiry job writes Expired and Lapsed rows (dated today) for every credential past its expiry.
        var expiry = await Fixture.RunAsync<Infrastructure.Jobs.CredentialExpiryJob, Infrastructure.Jobs.ExpiryRun>(job => job.RunAsync());
        Assert.True(expiry.Expired > 0);
        var second = await Fixture.SendAsync(new ExportWorkforce.Query { From = From, To = To, States = ["TN"] }, TestUsers.SystemAdmin());

        Assert.Equal(Describe(first), Describe(second));
        var now = await Fixture.SendAsync(new ExportWorkforce.Query { From = From, To = today, States = ["TN"] }, TestUsers.SystemAdmin());
        Assert.NotEqual(Describe(first), Describe(now)); // the newer changes are there for a period that includes them
    }

    [Fact]
    public async Task A_state_admin_is_refused_another_states_counts_and_an_analyst_is_not()
    {
        await SeedAsync(Fixture);

        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.SendAsync(new ExportWorkforce.Query { From = From, To = To, States = ["PA"] }, TestUsers.StateAdmin("TN")));
        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.SendAsync(new ExportWorkforce.Query { From = From, To = To, States = ["TN", "PA"] }, TestUsers.StateAdmin("TN")));
        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.SendAsync(new ExportWorkforce.Query { From = From, To = To }, TestUsers.Reviewer("TN")));

        var analyst = await Fixture.SendAsync(new ExportWorkforce.Query { From = From, To = To }, TestUsers.NationalAnalyst());
        Assert.Equal(["PA", "TN"], analyst.States.Select(s => s.StateCode));
    }

    [Fact]
    public async Task A_bad_period_or_unknown_state_is_a_validation_error()
    {
        await SeedAsync(Fixture);

        await Assert.ThrowsAsync<FluentValidation.ValidationException>(() => Fixture.SendAsync(new ExportWorkforce.Query { From = To, To = From }, TestUsers.SystemAdmin()));
        await Assert.ThrowsAsync<FluentValidation.ValidationException>(() => Fixture.SendAsync(new ExportWorkforce.Query { From = From, To = To, States = ["ZZ"] }, TestUsers.SystemAdmin()));
        await Assert.ThrowsAsync<FluentValidation.ValidationException>(() => Fixture.SendAsync(new ExportWorkforce.Query { From = From, To = To, States = ["T1"] }, TestUsers.SystemAdmin()));
    }

    [Fact]
    public async Task Counties_are_counted_by_code_and_labelled_from_the_list_in_every_export()
    {
        var texas = TestData.State("TX", "Texas", "PS", TestData.NoRequirements());
        Person Holder(string first, string county)
        {
            var person = TestData.Person(first, "Texan");
            person.UpdateContact(null, null, new PostalAddress("1 Congress Ave", null, "Austin", county, StateCode.Parse("TX"), "78701"));
            return person;
        }
        var people = new[] { Holder("Ana", "travis"), Holder("Bo", "Travis County"), Holder("Cy", "Travis Countyy") };
        var chose = TestData.Person("Di", "Texan");
        chose.UpdateContact(null, null, PostalAddress.InCounty("2 Congress Ave", null, "Austin", CountyCode.Parse("48453"), "78701"));
        var credentials = people.Append(chose).Select(p => Registry.Domain.Credentials.Credential.Issue(texas.Programs[0], p.Id, D(2024, 3, 1), Guid.NewGuid(), At(D(2024, 3, 1))));
        await Fixture.InsertAsync([texas, .. people, chose, .. credentials]);

        using var first = Open(await ExportAsync(TestUsers.SystemAdmin(), "TX"));
        using var second = Open(await ExportAsync(TestUsers.StateAdmin("TX"), "TX"));

        foreach (var workbook in new[] { first, second })
        {
            var counties = workbook.Rows("TX Texas", "CountiesTX").ToDictionary(r => r["County"], r => Numbers(r, "Active"));
            Assert.Equal(["Travis County", WorkforceReport.CountyNotMatched], counties.Keys);
            Assert.Equal(("Active=3", "Active=1"), (counties["Travis County"], counties[WorkforceReport.CountyNotMatched]));
            Assert.Contains(workbook.Rows("Definitions", "Definitions"), r => r["Column"] == "County" && r["What it counts"].Contains(WorkforceReport.CountyNotMatched));
        }
    }

    private static string Describe(WorkforceReport report) =>
        string.Join("\n", report.States.SelectMany(s =>
            s.Programs.Select(p => $"{p.StateCode} {p.ProgramCode} {p.Counts}")
                .Concat(s.Counties.Select(c => $"{s.StateCode} {c.County} {c.Counts}"))
                .Concat(s.OpenApplications.Select(a => a.ToString()))
                .Append(s.DecisionTimes?.ToString() ?? "no decisions")));
}

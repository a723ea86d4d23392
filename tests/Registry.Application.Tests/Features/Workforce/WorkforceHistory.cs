using ClosedXML.Excel;
using Registry.Domain.Applications;
using Registry.Domain.Credentials;
using Registry.Domain.Eligibility;
using Registry.Domain.Jurisdictions;
using Registry.Domain.People;
using Registry.Testing;

namespace Registry.Application.Tests.Features.Workforce;

/// <summary>
/// A seeded history with known numbers for the first half of 2025 in Tennessee (and one Pennsylvania credential):
/// each credential below is commented with what it must count as on 30 June 2025.
/// </summary>
public sealed class WorkforceHistory
{
    public static readonly DateOnly From = new(2025, 1, 1), To = new(2025, 6, 30);
    private static readonly Guid Staff = Guid.NewGuid();

    public required Jurisdiction Tennessee { get; init; }
    public required Jurisdiction Pennsylvania { get; init; }
    public required Dictionary<string, Credential> Credentials { get; init; }
    public required Dictionary<string, Person> Holders { get; init; }

    public static async Task<WorkforceHistory> SeedAsync(SliceFixture fixture)
    {
        var tn = TestData.State("TN", "Tennessee", "CPRS", TestData.NoRequirements());
        var pa = TestData.State("PA", "Pennsylvania", "CPS", TestData.NoRequirements());
        var cprs = tn.Programs[0];
        var people = new Dictionary<string, Person>();
        var credentials = new Dictionary<string, Credential>();

        Credential Issue(string key, string? county, string? livesIn, DateOnly on, CredentialProgram? program = null)
        {
            var person = TestData.Person(key, "Holder");
            if (county is not null)
                person.UpdateContact(null, null, new PostalAddress("1 Main St", null, "Town", county, StateCode.Parse(livesIn ?? "TN"), "37203"));
            people[key] = person;
            return credentials[key] = Credential.Issue(program ?? cprs, person.Id, on, Staff, At(on));
        }

        Issue("Ada", "Davidson", null, D(2024, 3, 1));                                   // active
        Issue("Bea", "Knox", null, D(2025, 2, 10));                                      // issued in the period, active
        var cal = Issue("Cal", "Davidson", null, D(2024, 1, 15));                        // suspended and reinstated in the period: active
        cal.Suspend("Under review.", D(2025, 3, 1), null, Staff, At(D(2025, 3, 1)));
        cal.Reinstate(D(2025, 4, 1), Staff, At(D(2025, 4, 1)), "Cleared.");
        var dev = Issue("Dev", "Davidson", null, D(2023, 1, 10));                        // expired, renewed during grace: active
        dev.Expire(D(2025, 1, 20), At(D(2025, 1, 20)));
        dev.Renew(24, D(2025, 1, 25), Staff, At(D(2025, 1, 25)));
        var eli = Issue("Eli", null, null, D(2023, 2, 1));                               // expired, then lapsed in the period; no address
        eli.Expire(D(2025, 2, 5), At(D(2025, 2, 5)));
        eli.Lapse(D(2025, 3, 10), 30, At(D(2025, 3, 10)));
        var fay = Issue("Fay", "Knox", null, D(2024, 5, 1));                             // on probation: active with restriction
        fay.PlaceOnProbation("Monthly supervision.", D(2026, 5, 1), D(2025, 5, 1), Staff, At(D(2025, 5, 1)));
        var gus = Issue("Gus", "Davidson", null, D(2024, 6, 1));                         // suspended at the end
        gus.Suspend("Complaint.", D(2025, 6, 15), null, Staff, At(D(2025, 6, 15)));
        var hal = Issue("Hal", "Fulton", "GA", D(2024, 2, 1));                           // revoked in the period; lives in Georgia
        hal.Revoke("Falsified logs.", D(2025, 5, 20), Staff, At(D(2025, 5, 20)));
        var ivy = Issue("Ivy", "Davidson", null, D(2024, 2, 1));                         // relinquished before the period: retired
        ivy.Relinquish(D(2024, 12, 1), Staff, At(D(2024, 12, 1)), "Retiring.");
        Issue("Jo", "Davidson", null, D(2025, 7, 15));                                   // issued after the period: not counted
        var kit = Issue("Kit", "Knox", null, D(2024, 4, 1));                             // suspended after the period: active
        kit.Suspend("Later complaint.", D(2025, 7, 10), null, Staff, At(D(2025, 7, 10)));
        Issue("Pat", "Dauphin", "PA", D(2024, 1, 1), pa.Programs[0]);                    // Pennsylvania: active

        await fixture.InsertAsync([tn, pa, .. people.Values, .. credentials.Values]);
        await SeedApplicationsAsync(fixture, cprs);
        return new WorkforceHistory { Tennessee = tn, Pennsylvania = pa, Credentials = credentials, Holders = people };
    }

    /// <summary>
    /// Decisions in the period after 10, 20, 30 (first submission counts, not the resubmission) and 36 days; open on
    /// 30 June: two initials under review (one decided later, one whose denial was overturned on appeal), one renewal
    /// submitted, one initial waiting on information; two drafts (one submitted later).
    /// </summary>
    private static async Task SeedApplicationsAsync(SliceFixture fixture, CredentialProgram program)
    {
        var entities = new List<object>();
        CertificationApplication Submitted(DateOnly on, ApplicationType type = ApplicationType.Initial)
        {
            var person = TestData.Person("Applicant");
            var application = CertificationApplication.Start(person.Id, program.Id, type, person.Id, At(on.AddDays(-3)));
            application.Submit(person.Id, At(on), EligibilityResult.NothingRequired);
            entities.AddRange([person, application]);
            return application;
        }
        var nothing = EligibilityResult.NothingRequired;

        var ten = Submitted(D(2025, 2, 1));
        ten.BeginReview(Staff, At(D(2025, 2, 2)));
        ten.Approve(Staff, At(D(2025, 2, 11)), null, nothing);
        var thirty = Submitted(D(2025, 3, 1));
        thirty.BeginReview(Staff, At(D(2025, 3, 2)));
        thirty.RequestInformation(Staff, At(D(2025, 3, 5)), "Please send the certificate.");
        thirty.Submit(Staff, At(D(2025, 3, 20)), nothing, "Attached.");
        thirty.BeginReview(Staff, At(D(2025, 3, 21)));
        thirty.Deny(Staff, At(D(2025, 3, 31)), "The training provider is not approved.");
        var twenty = Submitted(D(2025, 4, 1));
        twenty.BeginReview(Staff, At(D(2025, 4, 2)));
        twenty.Approve(Staff, At(D(2025, 4, 21)), null, nothing);
        var thirtySix = Submitted(D(2024, 12, 1));
        thirtySix.BeginReview(Staff, At(D(2024, 12, 2)));
        thirtySix.Approve(Staff, At(D(2025, 1, 6)), null, nothing);

        var decidedLater = Submitted(D(2025, 5, 1));
        decidedLater.BeginReview(Staff, At(D(2025, 5, 2)));
        decidedLater.Approve(Staff, At(D(2025, 7, 5)), null, nothing);
        Submitted(D(2025, 6, 1), ApplicationType.Renewal);
        var asked = Submitted(D(2025, 6, 10));
        asked.BeginReview(Staff, At(D(2025, 6, 11)));
        asked.RequestInformation(Staff, At(D(2025, 6, 20)), "Which supervisor signed this?");
        // Denied before the period and overturned on appeal in it: under review again on 30 June.
        var overturned = Submitted(D(2024, 10, 1));
        overturned.BeginReview(Staff, At(D(2024, 10, 2)));
        overturned.Deny(Staff, At(D(2024, 11, 1)), "The hours could not be confirmed.", appealUntil: D(2024, 12, 1));
        overturned.FileAppeal("My supervisor has now confirmed the hours.", D(2024, 11, 10), Staff, At(D(2024, 11, 10)));
        overturned.OverturnDenial(Staff, At(D(2025, 2, 1)), "The hours are confirmed.");
        Submitted(D(2025, 7, 2));                                                        // a draft on 30 June, submitted after
        var person = TestData.Person("Drafting");
        entities.AddRange([person, CertificationApplication.Start(person.Id, program.Id, ApplicationType.Initial, person.Id, At(D(2025, 5, 5)))]);

        await fixture.InsertAsync([.. entities]);
    }

    public static DateOnly D(int year, int month, int day) => new(year, month, day);

    /// <summary>Mid-afternoon UTC on the day, as staff would record it.</summary>
    public static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(15, 30)), TimeSpan.Zero);
}

/// <summary>Reads the export back from the real .xlsx with ClosedXML: each table's rows by header.</summary>
public sealed class ExportedWorkbook(XLWorkbook workbook) : IDisposable
{
    public static ExportedWorkbook Open(byte[] content) => new(new XLWorkbook(new MemoryStream(content)));

    public XLWorkbook Workbook => workbook;

    public IReadOnlyList<IReadOnlyDictionary<string, string>> Rows(string sheet, string table)
    {
        var found = workbook.Worksheet(sheet).Table(table);
        var headers = found.HeadersRow().Cells().Select(c => c.GetString()).ToList();
        return found.DataRange.Rows()
            .Select(r => (IReadOnlyDictionary<string, string>)headers.Select((h, i) => (h, r.Cell(i + 1).GetFormattedString())).ToDictionary(x => x.h, x => x.Item2))
            .Where(r => r.Values.Any(v => v.Length > 0))
            .ToList();
    }

    /// <summary>The bold line under a table: its first cell says "Total".</summary>
    public IReadOnlyDictionary<string, string> TotalRow(string sheet, string table)
    {
        var found = workbook.Worksheet(sheet).Table(table);
        var headers = found.HeadersRow().Cells().Select(c => c.GetString()).ToList();
        var row = workbook.Worksheet(sheet).Row(found.RangeAddress.LastAddress.RowNumber + 1);
        Assert.Equal("Total", row.Cell(1).GetString());
        return headers.Select((h, i) => (h, row.Cell(i + 1).GetFormattedString())).ToDictionary(x => x.h, x => x.Item2);
    }

    /// <summary>The numbers of a row, for the columns named, e.g. "Active=6 Suspended=1".</summary>
    public static string Numbers(IReadOnlyDictionary<string, string> row, params string[] columns) =>
        string.Join(" ", columns.Select(c => $"{c}={row[c]}"));

    public void Dispose() => workbook.Dispose();
}

using ClosedXML.Excel;
using Registry.Application.Features.Workforce;

namespace Registry.Infrastructure.Exports.Workforce;

/// <summary>
/// The Retention sheet of the workforce workbook: whether holders of credentials in force on the period's last day work
/// in peer roles (by state, endorsement and cohort), then each cohort's attrition. Counts under 11 are shown: this is a
/// staff workbook, not open data.
/// </summary>
internal static class RetentionSheet
{
    public const string Name = "Retention";
    public const string EmploymentTable = "RetentionEmployment", AttritionTable = "RetentionAttrition";

    /// <summary>The Definitions sheet's lines for this sheet.</summary>
    public static readonly IReadOnlyList<(string Term, string Meaning)> Definitions =
    [
        ("Retention: answered", "Credentials in force (active or on probation) on the period's last day whose holder answered the employment question for that program in the 12 months up to that day, at an application, a renewal or the yearly questions. The latest answer counts; answers given after the period's last day are not read. A latest answer of 'prefer not to say', and questions skipped, are left out."),
        ("Peer role / Other role / Not working", "Of those answered, how many said they work in a peer role, in another role, or are not working."),
        ("Share in peer roles", "Peer role divided by answered."),
        ("By", "State: all the state's credentials answered. Endorsement: those carrying the endorsement in force on the period's last day (granted by then, not withdrawn by then). Cohort: the year the credential was first issued (its first Issued history entry), the year first certified in that program."),
        ("First certified", "Credentials first issued in the cohort's year, on or before the period's last day."),
        ("No longer in force", "Of those, credentials not active nor on probation on the period's last day (expired, lapsed, suspended, revoked or relinquished)."),
        ("Share no longer in force", "No longer in force divided by first certified (attrition). Counts under 11 are shown in this staff workbook; they are suppressed only in open data."),
    ];

    public static void Write(XLWorkbook workbook, WorkforceReport report)
    {
        var sheet = workbook.Worksheets.Add(Name);
        var retention = report.Retention;
        var headerRow = WorkforceWorkbook.WriteHeading(sheet, "Retention: peer role employment and attrition", report,
            [("Day", $"Counts describe {report.To:yyyy-MM-dd}, the period's last day, from answers and history dated on or before it.")], null);
        var next = WorkforceWorkbook.WriteTable(sheet, headerRow, EmploymentTable,
            [("State", 8), ("By", 13), ("Group", 14), ("Peer role", 13), ("Other role", 13), ("Not working", 13), ("Answered", 13), ("Share in peer roles", 13)],
            retention.Employment.Select(l => new object?[] { l.StateCode, l.By, l.Group, l.PeerRole, l.OtherRole, l.NotWorking, l.Answered, l.PeerRoleShare }),
            null);
        Percent(sheet, headerRow + 1, next, 8);
        sheet.SheetView.FreezeRows(headerRow);

        next += 2;
        sheet.Cell(next, 1).SetValue("Attrition by cohort (year first certified)");
        sheet.Cell(next, 1).Style.Font.Bold = true;
        var attritionHeader = next + 1;
        var last = WorkforceWorkbook.WriteTable(sheet, attritionHeader, AttritionTable,
            [("State", 8), ("Cohort", 13), ("First certified", 14), ("No longer in force", 13), ("Share no longer in force", 13)],
            retention.Attrition.Select(l => new object?[] { l.StateCode, l.Cohort, l.FirstCertified, l.NoLongerInForce, l.NoLongerInForceShare }),
            null);
        Percent(sheet, attritionHeader + 1, last, 5);
    }

    private static void Percent(IXLWorksheet sheet, int firstRow, int lastRow, int column) =>
        sheet.Range(firstRow, column, Math.Max(firstRow, lastRow), column).Style.NumberFormat.Format = "0.0%";
}

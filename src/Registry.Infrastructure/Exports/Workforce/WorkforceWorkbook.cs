using ClosedXML.Excel;
using Registry.Application.Common.Interfaces;
using Registry.Application.Features.Workforce;
using Registry.Domain.Jurisdictions;

namespace Registry.Infrastructure.Exports.Workforce;

/// <summary>
/// The workforce export: a Summary sheet (state × program), one sheet per state (by county, open applications,
/// decision times), the Endorsements and Workforce answers sheets (<see cref="DimensionSheets"/>) and a Definitions sheet. Each table has a frozen header and set column widths.
/// </summary>
public sealed class WorkforceWorkbook : IWorkforceWorkbook
{
    public const string SummarySheet = "Summary";
    public const string DefinitionsSheet = "Definitions";
    public const string TotalLabel = "Total";

    /// <summary>The count columns, in order, with what each counts (the Definitions sheet).</summary>
    public static readonly IReadOnlyList<(string Header, string Meaning, Func<WorkforceCounts, int> Value)> CountColumns =
    [
        ("Active", "Credentials active on the period's last day, including those on probation (active with restrictions: they may practise under conditions).", c => c.Active),
        ("On probation", "Of the active credentials, those on probation on the period's last day.", c => c.OnProbation),
        ("Suspended", "Credentials suspended on the period's last day (they may not practise until reinstated).", c => c.Suspended),
        ("Expired", "Credentials past their expiry date but still inside the program's grace period on the period's last day.", c => c.Expired),
        ("Lapsed", "Credentials whose grace period had ended without renewal by the period's last day.", c => c.Lapsed),
        ("Revoked", "Credentials revoked by the period's last day (final).", c => c.Revoked),
        ("Retired", "Credentials the holder had relinquished (given up at their own request) by the period's last day; the registry calls this status Relinquished.", c => c.Retired),
        ("Issued in period", "Credentials first issued on a day inside the period.", c => c.Issued),
        ("Renewed in period", "Renewals inside the period (including renewals approved during the grace period); a credential renewed twice counts twice.", c => c.Renewed),
        ("Expired in period", "Expiries inside the period (a credential reaching its expiry date), whether or not renewed afterwards; a credential that expired twice counts twice.", c => c.ExpiredInPeriod),
        ("Lapsed in period", "Credentials whose grace period ended inside the period.", c => c.LapsedInPeriod),
        ("Revoked in period", "Credentials revoked inside the period.", c => c.RevokedInPeriod),
    ];

    public void Write(WorkforceReport report, Stream output)
    {
        using var workbook = new XLWorkbook();
        WriteSummary(workbook, report);
        foreach (var state in report.States) WriteState(workbook, report, state);
        DimensionSheets.Write(workbook, report);
        RetentionSheet.Write(workbook, report);
        WriteDefinitions(workbook);
        workbook.SaveAs(output);
    }

    public static string StateSheetName(WorkforceReport.StateSection state) =>
        $"{state.StateCode} {state.StateName}" is var name && name.Length <= 31 ? name : state.StateCode;

    private static void WriteSummary(XLWorkbook workbook, WorkforceReport report)
    {
        var sheet = workbook.Worksheets.Add(SummarySheet);
        var headerRow = WriteHeading(sheet, "Peer specialist workforce counts", report,
            [("States", string.Join(", ", report.States.Select(s => s.StateCode))), .. ImportedHistoryNotes(report.States),
             ("Days", "Each state's application figures count days from midnight to midnight in the state's own time zone (named on its sheet).")], null);
        List<(string, double)> columns = [("State", 8), ("Program code", 14), ("Program", 40), .. CountColumns.Select(c => (c.Header, 13.0))];
        var rows = report.ProgramLines.Select(p => (object?[])[p.StateCode, p.ProgramCode, p.ProgramName, .. CountValues(p.Counts)]);
        WriteTable(sheet, headerRow, "Summary", columns, rows, [TotalLabel, null, null, .. CountValues(report.Totals)]);
        sheet.SheetView.FreezeRows(headerRow);
    }

    private static void WriteState(XLWorkbook workbook, WorkforceReport report, WorkforceReport.StateSection state)
    {
        var sheet = workbook.Worksheets.Add(StateSheetName(state));
        var headerRow = WriteHeading(sheet, $"{state.StateName} ({state.StateCode}): workforce by county", report,
            [.. ImportedHistoryNotes([state]), ("Days", $"Midnight to midnight in {state.StateName}'s time zone, {state.TimeZone}: the day an application was open at the end of, or decided on, and the generation time.")],
            state.TimeZone);
        List<(string, double)> columns = [("County", 30), .. CountColumns.Select(c => (c.Header, 13.0))];
        var next = WriteTable(sheet, headerRow, $"Counties{state.StateCode}", columns,
            state.Counties.Select(c => (object?[])[c.County, .. CountValues(c.Counts)]),
            [TotalLabel, .. CountValues(state.Totals)]);
        sheet.SheetView.FreezeRows(headerRow);

        next += 2;
        Text(sheet.Cell(next, 1), "Open applications on the period's last day").Style.Font.Bold = true;
        next = WriteTable(sheet, next + 1, $"OpenApplications{state.StateCode}", [("Type", 30), ("Status", 13), ("Applications", 13)],
            state.OpenApplications.Select(a => new object?[] { a.Type.ToString(), Words(a.Status.ToString()), a.Count }),
            [TotalLabel, null, state.OpenApplications.Sum(a => a.Count)]);

        next += 2;
        Text(sheet.Cell(next, 1), "Decisions in the period").Style.Font.Bold = true;
        var times = state.DecisionTimes;
        WriteTable(sheet, next + 1, $"DecisionTimes{state.StateCode}", [("Decisions", 30), ("Median days", 13), ("90th percentile days", 13)],
            [[times?.Decisions ?? 0, times?.MedianDays, times?.Percentile90Days]], null);
    }

    private static void WriteDefinitions(XLWorkbook workbook)
    {
        var sheet = workbook.Worksheets.Add(DefinitionsSheet);
        List<(string Term, string Meaning)> terms =
        [
            ("Period", "From the first day to the last day named, both included. Status columns describe the last day, counted where the holder lived that day; 'in period' columns count the changes of any day of it, each where the holder lived on its day."),
            ("Status on a day", "The status recorded by the credential's last history entry taking effect on or before that day. Counts come from the history, so an export for a past period gives the same numbers whenever it is made."),
            .. CountColumns.Select(c => (c.Header, c.Meaning)),
            ("County", "The county of the holder's mailing address on the period's last day, from their residence history. '" + WorkforceReport.NoAddress + "' when they had given no address; '" + WorkforceReport.OutsideTheState + "' when their address was in another state. Counties are those of the 2020 Census list, named as the list names them, so every export of a period spells a county the same. '" + WorkforceReport.CountyNotMatched + "' counts holders whose county was typed in before counties were chosen from the list and matches none of their state's counties."),
            ("Days and times", "Credential dates are days of the state's calendar. Application figures (open applications, decisions in the period) count the period's days from midnight to midnight in the state's time zone, named on its sheet; the state's sheet gives its generation time there too, the Summary in UTC."),
            ("Open applications", "Applications submitted, under review or waiting for the applicant's answer to a request for information on the period's last day (drafts not yet submitted are not counted), by type and status."),
            ("Decisions", "Applications approved or denied inside the period."),
            ("Median days", "Whole calendar days (UTC dates) from an application's first submission to its decision: the middle value (nearest rank: the ceil(n/2)-th shortest wait)."),
            ("90th percentile days", "Nine in ten decisions came within this many days (nearest rank: the ceil(0.9 n)-th shortest wait)."),
            .. DimensionSheets.Definitions,
            .. RetentionSheet.Definitions,
            ("Total", "The sum of the rows above it."),
        ];
        WriteTable(sheet, 1, "Definitions", [("Column", 24), ("What it counts", 110)], terms.Select(t => new object?[] { t.Term, t.Meaning }), null);
        sheet.Column(2).Style.Alignment.WrapText = true;
        sheet.SheetView.FreezeRows(1);
    }

    /// <summary>
    /// Title, period, generation time (in <paramref name="timeZone"/> when given, else UTC) and extra lines; returns the
    /// row for the table's header.
    /// </summary>
    internal static int WriteHeading(IXLWorksheet sheet, string title, WorkforceReport report, IReadOnlyList<(string Label, string Value)> extra, string? timeZone)
    {
        Text(sheet.Cell(1, 1), title).Style.Font.Bold = true;
        sheet.Cell(1, 1).Style.Font.FontSize = 14;
        List<(string Label, object Value)> lines =
        [
            ("Period", $"{report.From:yyyy-MM-dd} to {report.To:yyyy-MM-dd}"),
            .. extra.Select(e => (e.Label, (object)e.Value)),
            ("Generated", report.GeneratedAt),
        ];
        for (var i = 0; i < lines.Count; i++)
        {
            Text(sheet.Cell(i + 2, 1), lines[i].Label).Style.Font.Bold = true;
            var cell = sheet.Cell(i + 2, 2);
            if (lines[i].Value is DateTimeOffset generated && timeZone is not null)
            {
                cell.SetValue(RegistryDay.LocalTime(generated, timeZone));
                cell.Style.DateFormat.Format = $"yyyy-mm-dd hh:mm \"{timeZone}\"";
            }
            else
            {
                SheetWriter.Write(cell, lines[i].Value);
            }
            cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Left;
        }
        return lines.Count + 3;
    }

    /// <summary>A table from <paramref name="headerRow"/>, with an optional bold total row under it; returns its last row.</summary>
    internal static int WriteTable(IXLWorksheet sheet, int headerRow, string name, IReadOnlyList<(string Header, double Width)> columns,
        IEnumerable<object?[]> rows, object?[]? total)
    {
        for (var c = 0; c < columns.Count; c++)
        {
            Text(sheet.Cell(headerRow, c + 1), columns[c].Header);
            if (sheet.Column(c + 1).Width < columns[c].Width) sheet.Column(c + 1).Width = columns[c].Width;
        }
        var row = headerRow;
        foreach (var values in rows)
        {
            row++;
            for (var c = 0; c < values.Length; c++) SheetWriter.Write(sheet.Cell(row, c + 1), values[c]);
        }
        var table = sheet.Range(headerRow, 1, Math.Max(row, headerRow + 1), columns.Count).CreateTable(name);
        table.ShowAutoFilter = true;
        sheet.Row(headerRow).Style.Alignment.WrapText = true;
        if (total is null) return Math.Max(row, headerRow + 1);

        row = Math.Max(row, headerRow + 1) + 1;
        for (var c = 0; c < total.Length; c++) SheetWriter.Write(sheet.Cell(row, c + 1), total[c]);
        sheet.Range(row, 1, row, columns.Count).Style.Font.Bold = true;
        sheet.Range(row, 1, row, columns.Count).Style.Border.TopBorder = XLBorderStyleValues.Thin;
        return row;
    }

    /// <summary>A "Note" line for each state whose period begins before its first register import.</summary>
    private static IEnumerable<(string Label, string Value)> ImportedHistoryNotes(IEnumerable<WorkforceReport.StateSection> states) =>
        states.Where(s => s.ImportedHistoryNote is not null).Select(s => ("Note", s.ImportedHistoryNote!));

    private static IEnumerable<object?> CountValues(WorkforceCounts counts) => CountColumns.Select(c => (object?)c.Value(counts));

    private static IXLCell Text(IXLCell cell, string value)
    {
        SheetWriter.Write(cell, value);
        return cell;
    }

    private static string Words(string pascal) => string.Concat(pascal.Select((ch, i) => i > 0 && char.IsUpper(ch) ? " " + char.ToLowerInvariant(ch) : ch.ToString()));
}

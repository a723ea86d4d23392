using System.Globalization;
using System.IO.Packaging;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Registry.Application.Common.Interfaces;
using Registry.Application.Features.Workforce;

namespace Registry.Infrastructure.Exports.Workforce;

/// <summary>
/// The roster as .xlsx written with DocumentFormat.OpenXml's <see cref="OpenXmlWriter"/>: one row at a time into a
/// package opened write-only (its zip entries stream out instead of being buffered), so memory stays flat however
/// many rows there are. ClosedXML would hold the whole workbook. Text is written as inline strings, so a value
/// beginning with =, +, - or @ is text, never a formula.
/// </summary>
public sealed class RosterWorkbook : IRosterWriter
{
    private const uint DateStyle = 1, HeaderStyle = 2;
    private static readonly double[] Widths = [20, 10, 14, 12, 12, 20, 20, 18, 34, 18];

    public async Task<long> WriteAsync(IAsyncEnumerable<ExportRoster.Row> rows, Stream output, CancellationToken cancellationToken)
    {
        using var package = Package.Open(output, FileMode.Create, FileAccess.Write);
        using var document = SpreadsheetDocument.Create(package, SpreadsheetDocumentType.Workbook, autoSave: false);
        var workbookPart = document.AddWorkbookPart();
        AddStyles(workbookPart);
        var sheetPart = workbookPart.AddNewPart<WorksheetPart>();

        long written = 0;
        using (var writer = OpenXmlWriter.Create(sheetPart))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteElement(new SheetViews(new SheetView(
                new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen })
                { TabSelected = true, WorkbookViewId = 0 }));
            writer.WriteElement(new Columns(Widths.Select((w, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = w, CustomWidth = true })));
            writer.WriteStartElement(new SheetData());

            writer.WriteStartElement(new Row { RowIndex = 1 });
            foreach (var header in ExportRoster.Headers) writer.WriteElement(TextCell(header, HeaderStyle));
            writer.WriteEndElement();

            await foreach (var row in rows.WithCancellation(cancellationToken))
            {
                written++;
                writer.WriteStartElement(new Row { RowIndex = (uint)(written + 1) });
                writer.WriteElement(TextCell(row.Number));
                writer.WriteElement(TextCell(row.Program));
                writer.WriteElement(TextCell(row.Status));
                writer.WriteElement(DateCell(row.IssuedOn));
                writer.WriteElement(DateCell(row.ExpiresOn));
                writer.WriteElement(TextCell(row.LegalFirstName));
                writer.WriteElement(TextCell(row.LegalLastName));
                writer.WriteElement(TextCell(row.PreferredName));
                writer.WriteElement(TextCell(row.Email));
                writer.WriteElement(TextCell(row.Phone));
                writer.WriteEndElement();
            }

            writer.WriteEndElement(); // sheetData
            writer.WriteElement(new AutoFilter { Reference = $"A1:J{written + 1}" });
            writer.WriteEndElement(); // worksheet
        }

        workbookPart.Workbook = new Workbook(new Sheets(new Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = 1, Name = "Roster" }),
            new DefinedNames(new DefinedName($"Roster!$A$1:$J${written + 1}") { Name = "_xlnm._FilterDatabase", LocalSheetId = 0, Hidden = true }));
        workbookPart.Workbook.Save();
        return written;
    }

    private static Cell TextCell(string? value, uint style = 0)
    {
        var cell = new Cell(new InlineString(new Text(Printable(value ?? "")) { Space = SpaceProcessingModeValues.Preserve })) { DataType = CellValues.InlineString };
        if (style != 0) cell.StyleIndex = style;
        return cell;
    }

    private static Cell DateCell(DateOnly date) => new()
    {
        CellValue = new CellValue(date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture)),
        StyleIndex = DateStyle,
    };

    /// <summary>XML cannot carry most control characters; they are dropped rather than failing the whole file.</summary>
    private static string Printable(string value) =>
        value.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r')) ? new string(value.Where(c => !char.IsControl(c) || c is '\t' or '\n' or '\r').ToArray()) : value;

    private static void AddStyles(WorkbookPart workbookPart)
    {
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy-mm-dd" }) { Count = 1 },
            new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border()) { Count = 1 },
            new CellStyleFormats(new CellFormat()) { Count = 1 },
            new CellFormats(
                new CellFormat(),
                new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
                new CellFormat { FontId = 1, ApplyFont = true }) { Count = 3 });
        styles.Stylesheet.Save();
    }
}

using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using Registry.Application.Common.Interfaces;
using Registry.Application.Features.Workforce;

namespace Registry.Infrastructure.Exports.Workforce;

/// <summary>
/// The roster as .xlsx written with DocumentFormat.OpenXml's <see cref="OpenXmlWriter"/>, one row at a time, into a
/// zip entry that compresses as it goes. The SDK's package API keeps every part in memory until it is saved (it
/// opens the zip for update), so the few small parts around the sheet are written directly; memory stays flat
/// however many rows there are (ClosedXML would hold the whole workbook). Text is written as inline strings, so a
/// value beginning with =, +, - or @ is text, never a formula, and XML-safe (<see cref="XmlText"/>).
/// </summary>
public sealed class RosterWorkbook : IRosterWriter
{
    private const uint DateStyle = 1, HeaderStyle = 2;
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string DocumentRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static readonly double[] Widths = [20, 10, 14, 12, 12, 20, 20, 18, 34, 18];

    public async Task<long> WriteAsync(IAsyncEnumerable<ExportRoster.Row> rows, Stream output, CancellationToken cancellationToken)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        Part(zip, "[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>
            """);
        Part(zip, "_rels/.rels", $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="{PackageRelationships}"><Relationship Id="rId1" Type="{DocumentRelationships}/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """);
        Part(zip, "xl/_rels/workbook.xml.rels", $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="{PackageRelationships}"><Relationship Id="rId1" Type="{DocumentRelationships}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{DocumentRelationships}/styles" Target="styles.xml"/></Relationships>
            """);
        Part(zip, "xl/styles.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" + Styles().OuterXml);

        long written = 0;
        await using (var sheetStream = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open())
        using (var writer = OpenXmlWriter.Create(sheetStream))
        {
            writer.WriteStartDocument(true);
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

        Part(zip, "xl/workbook.xml", $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="{Main}" xmlns:r="{DocumentRelationships}"><sheets><sheet name="Roster" sheetId="1" r:id="rId1"/></sheets><definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">Roster!$A$1:$J${written + 1}</definedName></definedNames></workbook>
            """);
        return written;
    }

    private static void Part(ZipArchive zip, string name, string xml)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        stream.Write(Encoding.UTF8.GetBytes(xml));
    }

    private static Cell TextCell(string? value, uint style = 0)
    {
        var cell = new Cell(new InlineString(new Text(XmlText.Safe(value ?? "")) { Space = SpaceProcessingModeValues.Preserve })) { DataType = CellValues.InlineString };
        if (style != 0) cell.StyleIndex = style;
        return cell;
    }

    private static Cell DateCell(DateOnly date) => new()
    {
        CellValue = new CellValue(date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture)),
        StyleIndex = DateStyle,
    };

    private static Stylesheet Styles() =>
        new(
            new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy-mm-dd" }) { Count = 1 },
            new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border()) { Count = 1 },
            new CellStyleFormats(new CellFormat()) { Count = 1 },
            new CellFormats(
                new CellFormat(),
                new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
                new CellFormat { FontId = 1, ApplyFont = true }) { Count = 3 });
}

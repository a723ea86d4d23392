using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Registry.Infrastructure.Exports;

/// <summary>
/// One sheet of an .xlsx written straight into a zip entry that compresses as it goes, a cell at a time: memory
/// holds a row's worth of XML, however many rows there are (ClosedXML, and the OpenXML SDK's package API, hold the
/// whole workbook; the SDK's element writer allocates several objects per cell). Bold frozen header, set widths, an
/// autofilter over the table. Text is an inline string, so a value beginning with =, +, - or @ is text, never a
/// formula, and XML-safe (<see cref="XmlText"/>). Call the cell methods in column order, <see cref="EndRow"/> after
/// each row, then <see cref="Dispose"/> to finish the file.
/// </summary>
internal sealed class StreamedSheet : IDisposable
{
    private const string DateStyle = "1", HeaderStyle = "2", MomentStyle = "3";
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string DocumentRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static readonly XmlWriterSettings Settings = new() { Encoding = new UTF8Encoding(false), CloseOutput = true };

    private readonly ZipArchive _zip;
    private readonly XmlWriter _sheet;
    private readonly string _sheetName;
    private readonly string _lastColumn;
    private readonly string[] _columnNames;
    private long _rowNumber = 1;
    private string _rowText = "1";
    private int _column;
    private bool _rowOpen;

    public StreamedSheet(Stream output, string sheetName, IReadOnlyList<(string Header, double Width)> columns)
    {
        _sheetName = sheetName;
        _columnNames = Enumerable.Range(1, columns.Count).Select(ColumnName).ToArray();
        _lastColumn = _columnNames[^1];
        _zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        Part("[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>
            """);
        Part("_rels/.rels", $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="{PackageRelationships}"><Relationship Id="rId1" Type="{DocumentRelationships}/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """);
        Part("xl/_rels/workbook.xml.rels", $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="{PackageRelationships}"><Relationship Id="rId1" Type="{DocumentRelationships}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{DocumentRelationships}/styles" Target="styles.xml"/></Relationships>
            """);
        Part("xl/styles.xml", $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <styleSheet xmlns="{Main}"><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/><numFmt numFmtId="165" formatCode="yyyy-mm-dd hh:mm &quot;UTC&quot;"/></numFmts><fonts count="2"><font/><font><b/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="4"><xf/><xf numFmtId="164" applyNumberFormat="1"/><xf fontId="1" applyFont="1"/><xf numFmtId="165" applyNumberFormat="1"/></cellXfs></styleSheet>
            """);

        _sheet = XmlWriter.Create(_zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open(), Settings);
        _sheet.WriteStartDocument(true);
        _sheet.WriteStartElement("worksheet", Main);
        _sheet.WriteRaw("""<sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>""");
        _sheet.WriteStartElement("cols", Main);
        for (var c = 0; c < columns.Count; c++)
        {
            _sheet.WriteStartElement("col", Main);
            _sheet.WriteAttributeString("min", (c + 1).ToString(CultureInfo.InvariantCulture));
            _sheet.WriteAttributeString("max", (c + 1).ToString(CultureInfo.InvariantCulture));
            _sheet.WriteAttributeString("width", columns[c].Width.ToString(CultureInfo.InvariantCulture));
            _sheet.WriteAttributeString("customWidth", "1");
            _sheet.WriteEndElement();
        }
        _sheet.WriteEndElement();
        _sheet.WriteStartElement("sheetData", Main);
        StartRow(1);
        foreach (var (header, _) in columns) Cell(header, HeaderStyle);
        _sheet.WriteEndElement();
        _rowOpen = false;
    }

    /// <summary>The data rows written so far.</summary>
    public long Rows => _rowNumber - 1;

    public void Text(string? value) => Cell(value, null);

    public void Number(long? value)
    {
        OpenRow();
        if (value is not { } number) { _column++; return; }
        StartCell();
        _sheet.WriteElementString("v", Main, number.ToString(CultureInfo.InvariantCulture));
        _sheet.WriteEndElement();
    }

    public void Date(DateOnly? value) => Serial(value?.ToDateTime(TimeOnly.MinValue), DateStyle);

    /// <summary>An instant, shown in UTC.</summary>
    public void Moment(DateTimeOffset? value) => Serial(value?.UtcDateTime, MomentStyle);

    public void EndRow()
    {
        OpenRow();
        _sheet.WriteEndElement();
        _rowOpen = false;
    }

    public void Dispose()
    {
        if (_rowOpen) EndRow();
        var range = $"A1:{_lastColumn}{Math.Max(_rowNumber, 2)}";
        _sheet.WriteEndElement(); // sheetData
        _sheet.WriteStartElement("autoFilter", Main);
        _sheet.WriteAttributeString("ref", range);
        _sheet.WriteEndElement();
        _sheet.WriteEndElement(); // worksheet
        _sheet.Dispose();

        var absolute = $"'{_sheetName.Replace("'", "''", StringComparison.Ordinal)}'!$A$1:${_lastColumn}${Math.Max(_rowNumber, 2)}";
        Part("xl/workbook.xml", $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="{Main}" xmlns:r="{DocumentRelationships}"><sheets><sheet name="{SecurityElement(_sheetName)}" sheetId="1" r:id="rId1"/></sheets><definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">{SecurityElement(absolute)}</definedName></definedNames></workbook>
            """);
        _zip.Dispose();
    }

    private void Cell(string? value, string? style)
    {
        OpenRow();
        if (value is null && style is null) { _column++; return; }
        StartCell();
        if (style is not null) _sheet.WriteAttributeString("s", style);
        _sheet.WriteAttributeString("t", "inlineStr");
        _sheet.WriteStartElement("is", Main);
        _sheet.WriteStartElement("t", Main);
        _sheet.WriteAttributeString("xml", "space", null, "preserve");
        _sheet.WriteString(XmlText.Safe(value ?? ""));
        _sheet.WriteEndElement();
        _sheet.WriteEndElement();
        _sheet.WriteEndElement();
    }

    private void Serial(DateTime? value, string style)
    {
        OpenRow();
        if (value is not { } at) { _column++; return; }
        StartCell();
        _sheet.WriteAttributeString("s", style);
        _sheet.WriteElementString("v", Main, at.ToOADate().ToString(CultureInfo.InvariantCulture));
        _sheet.WriteEndElement();
    }

    /// <summary>A cell with its reference (A2, B2, …), so empty cells can be left out.</summary>
    private void StartCell()
    {
        _sheet.WriteStartElement("c", Main);
        _sheet.WriteStartAttribute("r");
        _sheet.WriteString(_columnNames[_column++]);
        _sheet.WriteString(_rowText);
        _sheet.WriteEndAttribute();
    }

    private void OpenRow()
    {
        if (_rowOpen) return;
        StartRow(++_rowNumber);
    }

    private void StartRow(long number)
    {
        _sheet.WriteStartElement("row", Main);
        _rowText = number.ToString(CultureInfo.InvariantCulture);
        _sheet.WriteAttributeString("r", _rowText);
        _column = 0;
        _rowOpen = true;
    }

    private void Part(string name, string xml)
    {
        using var stream = _zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        stream.Write(Encoding.UTF8.GetBytes(xml));
    }

    private static string SecurityElement(string text) => System.Security.SecurityElement.Escape(text);

    private static string ColumnName(int column)
    {
        var name = "";
        for (; column > 0; column = (column - 1) / 26) name = (char)('A' + (column - 1) % 26) + name;
        return name;
    }
}

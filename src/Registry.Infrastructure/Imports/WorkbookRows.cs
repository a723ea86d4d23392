using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Registry.Infrastructure.Imports;

/// <summary>
/// The first worksheet of an .xlsx package, streamed. Before anything is unpacked the zip's directory is checked:
/// how many entries, what each and all of them declare they unpack to, and by how much they are compressed (a real
/// workbook is compressed some 5 to 20 times; a bomb hundreds). While reading, the bytes actually unpacked are
/// counted too, so an entry that lies about its size is caught. The package's parts are read with
/// <see cref="XmlReader"/> rather than ClosedXML (which loads the whole workbook) or OpenXmlReader (which hands a
/// text node over whole, however long): only the shared strings and the styles' date formats are kept.
/// </summary>
internal sealed class WorkbookRows(ImportLimits limits)
{
    private const long Megabyte = 1024 * 1024;
    private const int MaxStyles = 64_000; // Excel's own limit on cell formats
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private static readonly XmlReaderSettings Xml = new()
    {
        DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreProcessingInstructions = true, CloseInput = true,
    };

    private readonly char[] _chunk = new char[4096];
    private readonly StringBuilder _text = new();
    private long _unpacked;

    public IEnumerable<SheetRow> Read(byte[] content)
    {
        CheckDirectory(content);
        using var archive = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
        CheckEntries(archive);
        var entries = archive.Entries.GroupBy(e => e.FullName, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);

        var workbook = Target(entries, "_rels/.rels", "", "/officeDocument") ?? throw new ImportRefusedException(SpreadsheetRows.NotAWorkbook);
        var folder = workbook.Contains('/') ? workbook[..(workbook.LastIndexOf('/') + 1)] : "";
        var parts = PartsOf(entries, folder + "_rels/" + workbook[folder.Length..] + ".rels", folder);
        var sheet = FirstSheet(entries, workbook) is { } id && parts.ById.TryGetValue(id, out var path) ? path : null;
        if (sheet is null || !entries.TryGetValue(sheet, out var sheetEntry)) yield break; // no worksheet: an empty workbook

        var dates = parts.Styles is { } styles && entries.TryGetValue(styles, out var stylesEntry) ? DateStyles(stylesEntry) : [];
        var strings = parts.SharedStrings is { } shared && entries.TryGetValue(shared, out var sharedEntry) ? SharedStrings(sharedEntry) : [];

        var budget = new SpreadsheetRows.Budget(limits);
        using var xml = Open(sheetEntry);
        var row = 0;
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "row") continue;
            budget.Row();
            row = Number(xml.GetAttribute("r")) ?? row + 1;
            var cells = new List<SheetCell>();
            if (!xml.IsEmptyElement) ReadCells(xml, row, cells, budget, strings, dates);
            yield return new SheetRow(row, cells);
        }
    }

    private void ReadCells(XmlReader xml, int row, List<SheetCell> cells, SpreadsheetRows.Budget budget, List<string> strings, bool[] dates)
    {
        var column = 0;
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "row") return;
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "c") continue;
            column = ColumnOf(xml.GetAttribute("r")) ?? column + 1;
            budget.Cell(row, column);
            var type = xml.GetAttribute("t");
            var style = Number(xml.GetAttribute("s")) ?? 0;
            if (xml.IsEmptyElement) continue;

            string? value = null;
            var depth = xml.Depth;
            while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
            {
                if (xml.NodeType != XmlNodeType.Element) continue;
                if (xml.LocalName == "v") value = Text(xml, row, column);
                else if (xml.LocalName == "is") value = StringItem(xml, row, column);
            }
            if (value is null) continue;

            var cell = type switch
            {
                "s" => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < strings.Count
                    ? new SheetCell(row, column, strings[index])
                    : throw new ImportRefusedException(SpreadsheetRows.NotAWorkbook),
                "b" => new SheetCell(row, column, value == "1" ? "TRUE" : "FALSE"),
                "d" => new SheetCell(row, column, value, DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? DateOnly.FromDateTime(at) : null),
                null or "n" when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) =>
                    new SheetCell(row, column, number.ToString(CultureInfo.InvariantCulture), style < dates.Length && dates[style] ? Date(number) : null),
                _ => new SheetCell(row, column, value),
            };
            if (cell.Text.Length > 0) cells.Add(cell);
        }
    }

    /// <summary>The text of a shared or inline string: its &lt;t&gt; and its runs' &lt;t&gt;, without phonetic guides.</summary>
    private string StringItem(XmlReader xml, int row, int column)
    {
        if (xml.IsEmptyElement) return "";
        var depth = xml.Depth;
        var text = new StringBuilder();
        var phonetic = -1;
        while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (phonetic >= 0)
            {
                if (xml.NodeType == XmlNodeType.EndElement && xml.Depth == phonetic) phonetic = -1;
                continue;
            }
            if (xml.NodeType != XmlNodeType.Element) continue;
            if (xml.LocalName == "rPh" && !xml.IsEmptyElement) phonetic = xml.Depth;
            else if (xml.LocalName == "t")
            {
                text.Append(Text(xml, row, column));
                if (text.Length > SpreadsheetRows.MaxCellCharacters) throw SpreadsheetRows.Budget.CellTooLong(row, column);
            }
        }
        return text.ToString();
    }

    /// <summary>An element's text, read in chunks so that one longer than a cell can hold is refused before it is held.</summary>
    private string Text(XmlReader xml, int row, int column)
    {
        if (xml.IsEmptyElement) return "";
        _text.Clear();
        while (xml.Read() && xml.NodeType != XmlNodeType.EndElement)
        {
            if (xml.NodeType is not (XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)) continue;
            int read;
            while ((read = xml.ReadValueChunk(_chunk, 0, _chunk.Length)) > 0)
            {
                if (_text.Length + read > SpreadsheetRows.MaxCellCharacters) throw SpreadsheetRows.Budget.CellTooLong(row, column);
                _text.Append(_chunk, 0, read);
            }
        }
        return _text.ToString();
    }

    private List<string> SharedStrings(ZipArchiveEntry entry)
    {
        var strings = new List<string>();
        long characters = 0;
        using var xml = Open(entry);
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "si") continue;
            if (strings.Count == limits.MaxSharedStrings)
                throw new ImportRefusedException($"The workbook has more than {limits.MaxSharedStrings:N0} different texts; the registry does not read it. Split it into smaller files.");
            var text = StringItem(xml, 0, 0);
            if ((characters += text.Length) > limits.MaxSharedStringCharacters)
                throw new ImportRefusedException($"The workbook's texts come to more than {limits.MaxSharedStringCharacters:N0} characters; the registry does not read it. Split it into smaller files.");
            strings.Add(text);
        }
        return strings;
    }

    /// <summary>For each cell format (a cell's s="…"), whether it shows a number as a date.</summary>
    private bool[] DateStyles(ZipArchiveEntry entry)
    {
        var custom = new Dictionary<int, bool>();
        var formats = new List<bool>();
        using var xml = Open(entry);
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element) continue;
            if (xml.LocalName == "numFmt" && Number(xml.GetAttribute("numFmtId")) is { } id && custom.Count < MaxStyles)
                custom[id] = IsDateFormat(xml.GetAttribute("formatCode") ?? "");
            else if (xml.LocalName == "cellXfs" && !xml.IsEmptyElement)
            {
                var depth = xml.Depth;
                while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
                {
                    if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "xf" || xml.Depth != depth + 1) continue;
                    if (formats.Count == MaxStyles) throw new ImportRefusedException(SpreadsheetRows.NotAWorkbook);
                    var format = Number(xml.GetAttribute("numFmtId")) ?? 0;
                    formats.Add(custom.TryGetValue(format, out var date) ? date : format is >= 14 and <= 22 or >= 27 and <= 36 or >= 45 and <= 47 or >= 50 and <= 58);
                }
            }
        }
        return [.. formats];
    }

    /// <summary>A format shows a date or time when, outside quoted text, escapes and [colours], it has y, m, d, h or s.</summary>
    private static bool IsDateFormat(string code)
    {
        var inQuotes = false;
        var inBrackets = false;
        for (var i = 0; i < code.Length; i++)
        {
            var c = char.ToLowerInvariant(code[i]);
            if (inQuotes) { inQuotes = c != '"'; continue; }
            if (inBrackets) { inBrackets = c != ']'; continue; }
            switch (c)
            {
                case '"': inQuotes = true; break;
                case '[': inBrackets = true; break;
                case '\\' or '_' or '*': i++; break;
                case ';': return false; // the positive numbers' section decides
                case 'y' or 'm' or 'd' or 'h' or 's': return true;
            }
        }
        return false;
    }

    private static DateOnly? Date(double serial) =>
        serial is >= -657_435 and < 2_958_466 ? DateOnly.FromDateTime(DateTime.FromOADate(serial)) : null;

    /// <summary>The r:id of the workbook's first sheet, in tab order.</summary>
    private string? FirstSheet(Dictionary<string, ZipArchiveEntry> entries, string workbook)
    {
        if (!entries.TryGetValue(workbook, out var entry)) throw new ImportRefusedException(SpreadsheetRows.NotAWorkbook);
        using var xml = Open(entry);
        while (xml.Read())
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "sheet")
                return xml.GetAttribute("id", Relationships) ?? AnyId(xml);
        return null;

        static string? AnyId(XmlReader xml)
        {
            while (xml.MoveToNextAttribute())
                if (xml.LocalName == "id" && xml.Prefix.Length > 0) return xml.Value;
            return null;
        }
    }

    private sealed record Parts(Dictionary<string, string> ById, string? SharedStrings, string? Styles);

    /// <summary>The workbook's related parts, by relationship id, with the shared strings and styles named.</summary>
    private Parts PartsOf(Dictionary<string, ZipArchiveEntry> entries, string rels, string folder)
    {
        var byId = new Dictionary<string, string>();
        string? shared = null, styles = null;
        if (!entries.TryGetValue(rels, out var entry)) return new Parts(byId, null, null);
        using var xml = Open(entry);
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "Relationship") continue;
            if (xml.GetAttribute("Id") is not { } id || xml.GetAttribute("Target") is not { } target || byId.Count >= limits.MaxEntries) continue;
            var path = Resolve(folder, target);
            byId[id] = path;
            var type = xml.GetAttribute("Type") ?? "";
            if (type.EndsWith("/sharedStrings", StringComparison.Ordinal)) shared = path;
            if (type.EndsWith("/styles", StringComparison.Ordinal)) styles = path;
        }
        return new Parts(byId, shared, styles);
    }

    private string? Target(Dictionary<string, ZipArchiveEntry> entries, string rels, string folder, string type)
    {
        if (!entries.TryGetValue(rels, out var entry)) return null;
        using var xml = Open(entry);
        while (xml.Read())
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "Relationship" && (xml.GetAttribute("Type") ?? "").EndsWith(type, StringComparison.Ordinal)
                && xml.GetAttribute("Target") is { } target)
                return Resolve(folder, target);
        return null;
    }

    /// <summary>A relationship's target as a zip entry name: from the package's root when it starts with '/', else from the folder; ".." climbs.</summary>
    private static string Resolve(string folder, string target)
    {
        var segments = new List<string>();
        foreach (var segment in ((target.StartsWith('/') ? "" : folder) + target).Split('/'))
        {
            if (segment is "" or ".") continue;
            if (segment == "..") { if (segments.Count > 0) segments.RemoveAt(segments.Count - 1); }
            else segments.Add(Uri.UnescapeDataString(segment));
        }
        return string.Join('/', segments);
    }

    private XmlReader Open(ZipArchiveEntry entry) => XmlReader.Create(new Unpacked(entry.Open(), entry.Length, this), Xml);

    /// <summary>
    /// The zip's own count of its entries, from its end-of-directory record, read before the directory is, so that a
    /// directory of millions of entries is refused before a single one is held. A zip64 directory (more than 65,534
    /// entries) is refused alike: no workbook within the upload limit needs one.
    /// </summary>
    private void CheckDirectory(byte[] content)
    {
        for (var at = content.Length - 22; at >= Math.Max(0, content.Length - 22 - ushort.MaxValue); at--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(content.AsSpan(at)) != 0x06054B50) continue;
            var count = BinaryPrimitives.ReadUInt16LittleEndian(content.AsSpan(at + 10));
            if (count > limits.MaxEntries)
                throw new ImportRefusedException($"The workbook holds more than {limits.MaxEntries:N0} files inside it; the registry does not open it.");
            return;
        }
        throw new ImportRefusedException(SpreadsheetRows.NotAWorkbook);
    }

    private void CheckEntries(ZipArchive archive)
    {
        if (archive.Entries.Count > limits.MaxEntries)
            throw new ImportRefusedException($"The workbook holds more than {limits.MaxEntries:N0} files inside it; the registry does not open it.");
        long total = 0, compressed = 0;
        foreach (var entry in archive.Entries)
        {
            total += entry.Length;
            compressed += entry.CompressedLength;
            if (entry.Length > limits.MaxUncompressedBytes || total > limits.MaxUncompressedBytes)
                throw TooBig();
            if (entry.Length > Megabyte && entry.Length > (long)limits.MaxCompressionRatio * Math.Max(1, entry.CompressedLength))
                throw TooCompressed(entry.FullName, entry.Length / Math.Max(1, entry.CompressedLength));
        }
        if (total > Megabyte && total > (long)limits.MaxCompressionRatio * Math.Max(1, compressed))
            throw TooCompressed("the workbook", total / Math.Max(1, compressed));
    }

    private ImportRefusedException TooCompressed(string what, long ratio) =>
        new($"The workbook is compressed far more than a spreadsheet is ({what} unpacks to {ratio:N0} times its size, more than {limits.MaxCompressionRatio:N0}); the registry does not open it.");

    private void CountUnpacked(int bytes)
    {
        if ((_unpacked += bytes) > limits.MaxUncompressedBytes) throw TooBig();
    }

    private ImportRefusedException TooBig() =>
        new($"The workbook would unpack to more than {limits.MaxUncompressedBytes / Megabyte:N0} MB; the registry does not open it. Split it into smaller files.");

    /// <summary>An entry's unpacked bytes, counted: no more than it declared, nor than the limit for the whole package.</summary>
    private sealed class Unpacked(Stream inner, long declared, WorkbookRows owner) : Stream
    {
        private long _read;

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));
        public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

        private int Count(int read)
        {
            _read += read;
            if (_read > declared)
                throw new ImportRefusedException("The workbook's zip says its parts are smaller than they are; the registry does not open it.");
            owner.CountUnpacked(read);
            return read;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private static int? Number(string? text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>The column of a reference such as "AB12" (28), or null when it has no letters.</summary>
    private static int? ColumnOf(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        var column = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z') column = column * 26 + (c - 'A' + 1);
            else break;
            if (column > SpreadsheetRows.MaxColumns) return column;
        }
        return column == 0 ? null : column;
    }
}

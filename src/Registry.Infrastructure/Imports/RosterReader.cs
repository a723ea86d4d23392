using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using Registry.Application.Common.Interfaces;

namespace Registry.Infrastructure.Imports;

/// <summary>
/// An employer's roster: an .xlsx workbook (a zip, so it starts with PK\x03\x04) or UTF-8 CSV text, told apart
/// by content. The header row names the columns, in any order: a credential number, or a last name and a
/// state (a first name narrows the match). Reading stops counting at the row limit plus one, so a huge file
/// is refused without being held row by row.
/// </summary>
internal sealed class RosterReader : IRosterReader
{
    private const string NoHeader = "The file has no header row naming its columns: it needs a 'Credential number' column, or 'Last name' and 'State' (and optionally 'First name').";
    private const string NotASheet = "The file is neither an Excel workbook (.xlsx) nor a CSV text file.";
    private const int RowLimit = Application.Features.Verification.VerifyRoster.MaximumRows + 1;

    public RosterSheet Read(byte[] content)
    {
        if (content.Length == 0) return RosterSheet.Unreadable("The file is empty.");
        return content is [0x50, 0x4B, 0x03, 0x04, ..] ? ReadWorkbook(content) : ReadText(content);
    }

    private static RosterSheet ReadWorkbook(byte[] content)
    {
        XLWorkbook workbook;
        try
        {
            workbook = new XLWorkbook(new MemoryStream(content, writable: false));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return RosterSheet.Unreadable("The file looks like a zip archive but is not a readable Excel workbook (.xlsx).");
        }
        using (workbook)
        {
            var sheet = workbook.Worksheets.FirstOrDefault();
            var used = sheet?.RangeUsed();
            if (sheet is null || used is null) return RosterSheet.Unreadable("The workbook is empty.");
            var lastColumn = used.LastColumn().ColumnNumber();
            var lastRow = used.LastRow().RowNumber();
            var header = Columns.Find(Enumerable.Range(1, lastColumn).Select(c => sheet.Cell(1, c).GetString()).ToList());
            if (header is null) return RosterSheet.Unreadable(NoHeader);

            var rows = new List<RosterRow>();
            for (var r = 2; r <= lastRow && rows.Count < RowLimit; r++)
            {
                string? Text(int? column) => column is { } c ? CellText(sheet.Cell(r, c + 1)) : null;
                if (header.All.All(c => sheet.Cell(r, c + 1).IsEmpty())) continue;
                rows.Add(new RosterRow(r, Text(header.Number), Text(header.FirstName), Text(header.LastName), Text(header.State)));
            }
            return new RosterSheet(rows);
        }
    }

    private static string CellText(IXLCell cell) => cell.DataType == XLDataType.Number
        ? cell.GetDouble().ToString(CultureInfo.InvariantCulture)
        : cell.GetString();

    private static RosterSheet ReadText(byte[] content)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return RosterSheet.Unreadable(NotASheet);
        }
        if (text.StartsWith('\uFEFF')) text = text[1..];
        if (text.Contains('\0')) return RosterSheet.Unreadable(NotASheet);

        var records = CsvText.Parse(text);
        if (records.Count == 0 || records.All(r => r.All(string.IsNullOrWhiteSpace))) return RosterSheet.Unreadable("The file is empty.");
        var header = Columns.Find(records[0]);
        if (header is null) return RosterSheet.Unreadable(NoHeader);

        var rows = new List<RosterRow>();
        for (var i = 1; i < records.Count && rows.Count < RowLimit; i++)
        {
            var fields = records[i];
            string? Field(int? column) => column is { } c && c < fields.Count ? fields[c] : null;
            if (fields.All(string.IsNullOrWhiteSpace)) continue;
            rows.Add(new RosterRow(i + 1, Field(header.Number), Field(header.FirstName), Field(header.LastName), Field(header.State)));
        }
        return new RosterSheet(rows);
    }

    /// <summary>Where the columns are (zero-based); names are matched ignoring case, spaces and punctuation.</summary>
    private sealed record Columns(int? Number, int? FirstName, int? LastName, int? State)
    {
        public IEnumerable<int> All => new[] { Number, FirstName, LastName, State }.OfType<int>();

        public static Columns? Find(IReadOnlyList<string> names)
        {
            var normalised = names.Select(n => new string(n.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant()).ToList();
            int? At(params string[] options) => normalised.FindIndex(options.Contains) is var i and >= 0 ? i : null;
            var number = At("credentialnumber", "credential", "credentialno", "certificationnumber", "certificatenumber", "licensenumber", "number");
            var first = At("firstname", "givenname", "first");
            var last = At("lastname", "surname", "familyname", "last");
            var state = At("state", "statecode");
            return number is null && (last is null || state is null) ? null : new Columns(number, first, last, state);
        }
    }
}

using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using Registry.Application.Common.Interfaces;

namespace Registry.Infrastructure.Imports;

/// <summary>
/// The vendor's results file: an .xlsx workbook (a zip, so it starts with PK\x03\x04) or UTF-8 CSV text,
/// told apart by content, not name. The first row naming the columns is the header; columns may come in any order.
/// </summary>
internal sealed class ExamResultsReader : IExamResultsReader
{
    private const string NoHeader = "The file has no header row naming the columns: it needs 'Candidate ID' or 'Email', 'Exam date' and 'Score'.";
    private const string NotASheet = "The file is neither an Excel workbook (.xlsx) nor a CSV text file.";

    public ExamResultsSheet Read(byte[] content)
    {
        if (content.Length == 0) return ExamResultsSheet.Unreadable("The file is empty.");
        return content is [0x50, 0x4B, 0x03, 0x04, ..] ? ReadWorkbook(content) : ReadText(content);
    }

    private static ExamResultsSheet ReadWorkbook(byte[] content)
    {
        XLWorkbook workbook;
        try
        {
            workbook = new XLWorkbook(new MemoryStream(content, writable: false));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A zip that is not a workbook (or a damaged one): the vendor's file is unreadable, not our fault.
            return ExamResultsSheet.Unreadable("The file looks like a zip archive but is not a readable Excel workbook (.xlsx).");
        }
        using (workbook)
        {
            var sheet = workbook.Worksheets.FirstOrDefault();
            var used = sheet?.RangeUsed();
            if (sheet is null || used is null) return ExamResultsSheet.Unreadable("The workbook is empty.");
            var lastColumn = used.LastColumn().ColumnNumber();
            var lastRow = used.LastRow().RowNumber();
            var header = Columns.Find(Enumerable.Range(1, lastColumn).Select(c => sheet.Cell(1, c).GetString()).ToList());
            if (header is null) return ExamResultsSheet.Unreadable(NoHeader);

            var rows = new List<ExamResultRow>();
            for (var r = 2; r <= lastRow; r++)
            {
                string? Text(int? column) => column is { } c ? CellText(sheet.Cell(r, c + 1)) : null;
                if (header.All.All(c => sheet.Cell(r, c + 1).IsEmpty())) continue;
                var dateCell = sheet.Cell(r, header.ExamDate + 1);
                DateOnly? date = dateCell.DataType == XLDataType.DateTime ? DateOnly.FromDateTime(dateCell.GetDateTime()) : null;
                rows.Add(new ExamResultRow(r, Text(header.CandidateId), Text(header.Email), Text(header.ExamDate), date, Text(header.Score)));
            }
            return new ExamResultsSheet(rows);
        }
    }

    /// <summary>Numbers come back as the vendor wrote them (85, 85.5), never in a local format.</summary>
    private static string CellText(IXLCell cell) => cell.DataType == XLDataType.Number
        ? cell.GetDouble().ToString(CultureInfo.InvariantCulture)
        : cell.GetString();

    private static ExamResultsSheet ReadText(byte[] content)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return ExamResultsSheet.Unreadable(NotASheet);
        }
        if (text.StartsWith('\uFEFF')) text = text[1..];
        if (text.Contains('\0')) return ExamResultsSheet.Unreadable(NotASheet);

        var records = CsvText.Parse(text);
        if (records.Count == 0 || records.All(r => r.All(string.IsNullOrWhiteSpace))) return ExamResultsSheet.Unreadable("The file is empty.");
        var header = Columns.Find(records[0]);
        if (header is null) return ExamResultsSheet.Unreadable(NoHeader);

        var rows = new List<ExamResultRow>();
        for (var i = 1; i < records.Count; i++)
        {
            var fields = records[i];
            string? Field(int? column) => column is { } c && c < fields.Count ? fields[c] : null;
            if (fields.All(string.IsNullOrWhiteSpace)) continue;
            rows.Add(new ExamResultRow(i + 1, Field(header.CandidateId), Field(header.Email), Field(header.ExamDate), null, Field(header.Score)));
        }
        return new ExamResultsSheet(rows);
    }

    /// <summary>Where the columns are (zero-based); names are matched ignoring case, spaces, '_' and '-'.</summary>
    private sealed record Columns(int? CandidateId, int? Email, int ExamDate, int Score)
    {
        public IEnumerable<int> All => new[] { CandidateId, Email, ExamDate, Score }.OfType<int>();

        public static Columns? Find(IReadOnlyList<string> names)
        {
            var normalised = names.Select(n => new string(n.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant()).ToList();
            int? At(params string[] options) => normalised.FindIndex(options.Contains) is var i and >= 0 ? i : null;
            var candidate = At("candidateid", "candidate");
            var email = At("email", "emailaddress");
            var date = At("examdate", "date", "testdate");
            var score = At("score", "examscore");
            return (candidate ?? email) is null || date is null || score is null ? null : new Columns(candidate, email, date.Value, score.Value);
        }
    }
}

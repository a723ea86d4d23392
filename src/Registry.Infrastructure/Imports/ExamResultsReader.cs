using Registry.Application.Common.Interfaces;

namespace Registry.Infrastructure.Imports;

/// <summary>
/// The vendor's results file: an .xlsx workbook or CSV text read by <see cref="SpreadsheetRows"/> (so within the
/// import limits). The first row naming the columns is the header; columns may come in any order. Reading stops at
/// the row limit plus one, so a longer file is refused unread.
/// </summary>
internal sealed class ExamResultsReader(ImportLimits limits) : IExamResultsReader
{
    private const string NoHeader = "The file has no header row naming the columns: it needs 'Candidate ID' or 'Email', 'Exam date' and 'Score'.";
    private const int RowLimit = Application.Features.Exams.ImportExamResults.MaximumRows + 1;

    public ExamResultsSheet Read(byte[] content)
    {
        if (content.Length == 0) return ExamResultsSheet.Unreadable("The file is empty.");
        try
        {
            using var rows = new SpreadsheetRows(limits).Read(content).GetEnumerator();
            if (!SpreadsheetRows.FirstRow(rows, out var first)) return ExamResultsSheet.Unreadable(SpreadsheetRows.Empty(content));
            var header = first.Number == 1 ? Columns.Find(SpreadsheetRows.Names(first)) : null;
            if (header is null) return ExamResultsSheet.Unreadable(NoHeader);

            var found = new List<ExamResultRow>();
            while (found.Count < RowLimit && rows.MoveNext())
            {
                var row = rows.Current;
                string? Text(int? column) => column is { } c ? row.Cell(c + 1)?.Text : null;
                if (header.All.All(c => string.IsNullOrWhiteSpace(Text(c)))) continue;
                found.Add(new ExamResultRow(row.Number, Text(header.CandidateId), Text(header.Email), Text(header.ExamDate),
                    row.Cell(header.ExamDate + 1)?.Date, Text(header.Score)));
            }
            return new ExamResultsSheet(found);
        }
        catch (ImportRefusedException e)
        {
            return ExamResultsSheet.RefusedUnread(e.Message);
        }
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

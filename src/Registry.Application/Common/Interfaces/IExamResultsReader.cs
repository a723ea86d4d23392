namespace Registry.Application.Common.Interfaces;

/// <summary>Reads the testing vendor's results file (.xlsx or CSV, told apart by content) into raw rows.</summary>
public interface IExamResultsReader
{
    /// <summary>The data rows, or why the file cannot be read as a results file at all.</summary>
    ExamResultsSheet Read(byte[] content);
}

/// <summary>Problem is set when the file is unreadable (not a spreadsheet, no header, ...); Rows is then empty.</summary>
public sealed record ExamResultsSheet(IReadOnlyList<ExamResultRow> Rows, string? Problem = null, bool IsRefusedUnread = false)
{
    public static ExamResultsSheet Unreadable(string problem) => new([], problem);

    /// <summary>A file refused before its rows are looked at: beyond the import limits once unpacked (a bomb), or no spreadsheet at all.</summary>
    public static ExamResultsSheet RefusedUnread(string problem) => new([], problem, IsRefusedUnread: true);
}

/// <summary>One data row as found: RowNumber counts the header as row 1; ExamDate is set when the cell held a real date.</summary>
public sealed record ExamResultRow(int RowNumber, string? CandidateId, string? Email, string? ExamDateText, DateOnly? ExamDate, string? Score);

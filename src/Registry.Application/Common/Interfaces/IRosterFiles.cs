namespace Registry.Application.Common.Interfaces;

/// <summary>Reads an employer's roster (.xlsx or CSV, told apart by content) into raw rows.</summary>
public interface IRosterReader
{
    /// <summary>The data rows, or why the file cannot be read as a roster at all.</summary>
    RosterSheet Read(byte[] content);
}

/// <summary>Problem is set when the file is unreadable (not a spreadsheet, no recognisable header); Rows is then empty.</summary>
public sealed record RosterSheet(IReadOnlyList<RosterRow> Rows, string? Problem = null, bool IsRefusedUnread = false)
{
    public static RosterSheet Unreadable(string problem) => new([], problem);

    /// <summary>A file refused before its rows are looked at: beyond the import limits once unpacked (a bomb), or no spreadsheet at all.</summary>
    public static RosterSheet RefusedUnread(string problem) => new([], problem, IsRefusedUnread: true);
}

/// <summary>One data row as found; RowNumber counts the header as row 1.</summary>
public sealed record RosterRow(int RowNumber, string? CredentialNumber, string? FirstName, string? LastName, string? State);

/// <summary>Writes the roster verification result as an .xlsx workbook.</summary>
public interface IRosterWorkbook
{
    byte[] Write(IReadOnlyList<RosterResultRow> rows);
}

/// <summary>A roster row and what the registry found for it: the public record when matched, the reason when not.</summary>
public sealed record RosterResultRow(RosterRow Row, Features.Verification.PublicCredential? Match, string? Reason, string? Note);

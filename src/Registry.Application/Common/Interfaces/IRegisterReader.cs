namespace Registry.Application.Common.Interfaces;

/// <summary>Reads a state's earlier register (.xlsx or CSV, told apart by content): its columns are named by its header row.</summary>
public interface IRegisterReader
{
    /// <summary>Reads the whole file once, within the import limits: how many data rows it has, or why it cannot be read as a register.</summary>
    RegisterSheet Check(byte[] content);

    /// <summary>The data rows of a file <see cref="Check"/> found readable, read again one at a time as they are asked for.</summary>
    IEnumerable<RegisterRow> Rows(byte[] content);
}

/// <summary>IsRefusedUnread when the file is no spreadsheet or is past the import limits (a bomb): the sender's 400.</summary>
public sealed record RegisterSheet(int Rows, string? Problem = null, bool IsRefusedUnread = false);

/// <summary>A cell's text as written; Date is set when a workbook cell held a real date.</summary>
public sealed record RegisterCell(string? Text, DateOnly? Date = null)
{
    public static readonly RegisterCell Empty = new((string?)null);

    public bool IsBlank => string.IsNullOrWhiteSpace(Text) && Date is null;
}

/// <summary>One data row; Number counts the header as row 1.</summary>
public sealed record RegisterRow(int Number, IReadOnlyDictionary<string, RegisterCell> Cells)
{
    /// <summary>The cell under a column of <see cref="RegisterColumns"/>; blank when the file has no such column.</summary>
    public RegisterCell this[string column] => Cells.TryGetValue(column, out var cell) ? cell : RegisterCell.Empty;
}

/// <summary>
/// The columns of a register file, by their header names (matched ignoring case, spaces and punctuation; a few other
/// names are accepted for each). The template file has them in this order.
/// </summary>
public static class RegisterColumns
{
    public const string Program = "Program";
    public const string CredentialNumber = "Credential number";
    public const string FirstName = "Legal first name";
    public const string LastName = "Legal last name";
    public const string Email = "Email";
    public const string Phone = "Phone";
    public const string DateOfBirth = "Date of birth";
    public const string Status = "Status";
    public const string IssuedOn = "Issued on";
    public const string ExpiresOn = "Expires on";
    public const string StatusSince = "Status since";
    public const string Discipline = "Discipline history";
    public const string CeHours = "CE hours this cycle";

    /// <summary>Every column, in the template's order, with whether a file must have it and the other header names accepted.</summary>
    public static readonly IReadOnlyList<(string Name, bool Required, string[] Aliases)> All =
    [
        (Program, true, ["program code", "programme"]),
        (CredentialNumber, true, ["credential", "certification number", "certificate number", "license number", "number"]),
        (FirstName, true, ["first name", "given name"]),
        (LastName, true, ["last name", "surname", "family name"]),
        (Email, false, ["e-mail", "email address", "e-mail address"]),
        (Phone, false, ["phone number", "telephone"]),
        (DateOfBirth, false, ["birth date", "dob"]),
        (Status, true, ["credential status"]),
        (IssuedOn, true, ["issued", "issue date", "date issued"]),
        (ExpiresOn, true, ["expires", "expiry date", "expiration date"]),
        (StatusSince, false, ["status date", "status began", "status effective"]),
        (Discipline, false, ["public discipline history", "discipline"]),
        (CeHours, false, ["ce hours", "continuing education hours"]),
    ];

    /// <summary>A header's text reduced to what is compared: lower-case letters and digits.</summary>
    public static string Key(string header) => new(header.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    /// <summary>The template: the header row and one example row, as CSV.</summary>
    public static string TemplateCsv(string state, string programCode) =>
        string.Join(",", All.Select(c => c.Name)) + "\r\n" +
        $"{programCode},{state}-{programCode}-000123,Jordan,Example,jordan@example.org,555-0100,4/2/1980,Active,2024-03-01,2026-02-28,,\"2024-09-01 Reprimanded: late renewal paperwork\",12\r\n";
}

/// <summary>Puts a register import's dry run or import on the background job queue.</summary>
public interface IRegisterImportQueue
{
    void Enqueue(Guid registerImportId);
}

using Registry.Domain.Common;
using Registry.Domain.Jurisdictions;

namespace Registry.Domain.Credentials;

public enum RegisterImportStatus
{
    /// <summary>The dry run is waiting for or doing its check of every row.</summary>
    Checking,

    /// <summary>The dry run is done; the file may be imported when it found no problems.</summary>
    Checked,

    /// <summary>The import is waiting for or doing its all-or-nothing write.</summary>
    Importing,

    Imported,

    /// <summary>The import found a problem the dry run had not (the registry changed meanwhile) and wrote nothing.</summary>
    Refused,

    /// <summary>The file could not be read at all (no header, missing columns, past the import limits).</summary>
    Failed,
}

/// <summary>
/// One file of a state's earlier register brought into the registry: first a dry run that reports on every row and
/// writes nothing else, then, only after a clean dry run of the same file (same hash), the import itself. The file
/// is kept in the document store under <see cref="DocumentKey"/>; the report's lines are <see cref="RegisterImportLine"/>s.
/// </summary>
public sealed class RegisterImport
{
    public const int MaximumProblemLength = 2000;

    private RegisterImport() { }

    public RegisterImport(StateCode state, string fileName, string fileHash, Guid submittedByUserId, DateTimeOffset submittedAt)
    {
        Id = Guid.CreateVersion7();
        StateCode = state;
        FileName = fileName;
        FileHash = fileHash;
        SubmittedByUserId = submittedByUserId;
        SubmittedAt = submittedAt;
        Status = RegisterImportStatus.Checking;
    }

    public Guid Id { get; private set; }
    public StateCode StateCode { get; private set; }
    public string FileName { get; private set; } = "";

    /// <summary>The file's SHA-256, hex: the import writes only the file the dry run checked.</summary>
    public string FileHash { get; private set; } = "";

    public string DocumentKey => $"register-imports/{Id:N}";
    public Guid SubmittedByUserId { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }
    public RegisterImportStatus Status { get; private set; }
    public DateTimeOffset? CheckedAt { get; private set; }
    public Guid? ImportedByUserId { get; private set; }
    public DateTimeOffset? ImportedAt { get; private set; }

    /// <summary>How far the current run has got, in rows, for the progress shown while it runs.</summary>
    public int RowsDone { get; private set; }

    public int Rows { get; private set; }
    public int Problems { get; private set; }
    public int NewPeople { get; private set; }
    public int MatchedPeople { get; private set; }
    public int NewCredentials { get; private set; }
    public int Unchanged { get; private set; }

    /// <summary>Why the file could not be read or imported, in words for staff.</summary>
    public string? Problem { get; private set; }

    public bool IsRunning => Status is RegisterImportStatus.Checking or RegisterImportStatus.Importing;

    public bool CanBeImported => Status == RegisterImportStatus.Checked && Problems == 0 && Rows > 0;

    public void Progress(int rowsDone) => RowsDone = rowsDone;

    public void Checked(RegisterImportCounts counts, DateTimeOffset at)
    {
        Expect(RegisterImportStatus.Checking);
        Status = RegisterImportStatus.Checked;
        Count(counts);
        CheckedAt = at;
    }

    public void RequestImport(Guid userId, DateTimeOffset at)
    {
        if (!CanBeImported)
            throw new DomainRuleException(Status == RegisterImportStatus.Checked
                ? "The dry run found problems; correct the file and check it again before importing."
                : "Only a file whose dry run has finished without problems can be imported.");
        Status = RegisterImportStatus.Importing;
        ImportedByUserId = userId;
        ImportedAt = at;
        RowsDone = 0;
    }

    public void Imported(RegisterImportCounts counts, DateTimeOffset at)
    {
        Expect(RegisterImportStatus.Importing);
        Status = RegisterImportStatus.Imported;
        Count(counts);
        ImportedAt = at;
    }

    /// <summary>The import wrote nothing: the rows changed since the dry run, or the registry did.</summary>
    public void Refused(RegisterImportCounts counts, string problem)
    {
        Expect(RegisterImportStatus.Importing);
        Status = RegisterImportStatus.Refused;
        Count(counts);
        Problem = Shorten(problem);
    }

    public void Failed(string problem, DateTimeOffset at)
    {
        if (!IsRunning) throw new DomainRuleException("Only a running check or import can fail.");
        Status = Status == RegisterImportStatus.Importing ? RegisterImportStatus.Refused : RegisterImportStatus.Failed;
        Problem = Shorten(problem);
        CheckedAt ??= at;
    }

    private void Count(RegisterImportCounts counts)
    {
        Rows = RowsDone = counts.Rows;
        Problems = counts.Problems;
        NewPeople = counts.NewPeople;
        MatchedPeople = counts.MatchedPeople;
        NewCredentials = counts.NewCredentials;
        Unchanged = counts.Unchanged;
    }

    private void Expect(RegisterImportStatus status)
    {
        if (Status != status) throw new DomainRuleException($"This register import is {Status.ToString().ToLowerInvariant()}, not {status.ToString().ToLowerInvariant()}.");
    }

    private static string Shorten(string problem) => problem.Length <= MaximumProblemLength ? problem : problem[..(MaximumProblemLength - 1)] + "…";
}

public sealed record RegisterImportCounts(int Rows, int Problems, int NewPeople, int MatchedPeople, int NewCredentials, int Unchanged);

public enum RegisterRowOutcome
{
    Problem,
    NewPerson,
    SameEmail,
    SameNameAndBirthDate,

    /// <summary>The person is the one an earlier row of the same file creates.</summary>
    PersonOfEarlierRow,

    /// <summary>Imported before with the same details: nothing to do.</summary>
    Unchanged,
}

/// <summary>One line of a register import's report: what a row of the file will do (or did), or what is wrong with it, column by column.</summary>
public sealed class RegisterImportLine
{
    public const int MaximumMessageLength = 2000;

    private RegisterImportLine() { }

    public RegisterImportLine(Guid registerImportId, int row, RegisterRowOutcome outcome, string message)
    {
        RegisterImportId = registerImportId;
        Row = row;
        Outcome = outcome;
        Message = message.Length <= MaximumMessageLength ? message : message[..(MaximumMessageLength - 1)] + "…";
    }

    public Guid RegisterImportId { get; private set; }
    public int Row { get; private set; }
    public RegisterRowOutcome Outcome { get; private set; }
    public string Message { get; private set; } = "";

    public bool IsProblem => Outcome == RegisterRowOutcome.Problem;

    public void Replace(RegisterRowOutcome outcome, string message)
    {
        Outcome = outcome;
        Message = message.Length <= MaximumMessageLength ? message : message[..(MaximumMessageLength - 1)] + "…";
    }
}

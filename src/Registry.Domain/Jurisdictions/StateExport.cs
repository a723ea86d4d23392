using Registry.Domain.Common;

namespace Registry.Domain.Jurisdictions;

public enum StateExportStatus
{
    Queued,
    Running,
    Ready,
    Failed,
}

/// <summary>
/// A request for everything the registry holds for one state, written in the background as one zip. The job
/// writes one part per file and records each finished part here, so a restarted run skips them; the zip is
/// assembled last. The file is removed once <see cref="ExpiresAt"/> has passed.
/// </summary>
public sealed class StateExport
{
    public const int MaximumProblemLength = 1000;
    private const char PartSeparator = '|';

    private StateExport() { }

    public StateExport(StateCode stateCode, Guid requestedByUserId, DateTimeOffset requestedAt, TimeSpan retention)
    {
        Id = Guid.CreateVersion7();
        StateCode = stateCode;
        RequestedByUserId = requestedByUserId;
        RequestedAt = requestedAt;
        ExpiresAt = requestedAt + retention;
        Status = StateExportStatus.Queued;
    }

    public Guid Id { get; private set; }
    public StateCode StateCode { get; private set; }
    public Guid RequestedByUserId { get; private set; }
    public DateTimeOffset RequestedAt { get; private set; }
    public StateExportStatus Status { get; private set; }

    /// <summary>The file being written now (e.g. <c>people.csv</c>), while running.</summary>
    public string? CurrentFile { get; private set; }

    /// <summary>Rows written so far over all files.</summary>
    public long RowsWritten { get; private set; }

    public int FilesWritten { get; private set; }
    public int FilesTotal { get; private set; }

    /// <summary>The finished parts with their row counts, as <c>people.csv=12|programs.csv=3</c>.</summary>
    public string FinishedParts { get; private set; } = "";

    /// <summary>Runs started; a run after a crash or an error is one more.</summary>
    public int Attempts { get; private set; }

    /// <summary>The zip's key in the document store, once ready.</summary>
    public string? StorageKey { get; private set; }

    public long? SizeBytes { get; private set; }
    public string? Problem { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>Each finished part's name and the rows it holds.</summary>
    public IReadOnlyDictionary<string, long> FinishedPartRows =>
        FinishedParts.Split(PartSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('='))
            .ToDictionary(p => p[0], p => long.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal);

    public bool IsFinished => Status is StateExportStatus.Ready or StateExportStatus.Failed;

    /// <summary>A worker takes the export; a run after a crash takes it again and keeps the finished parts.</summary>
    public void Start(int filesTotal, DateTimeOffset at)
    {
        if (IsFinished) throw new DomainRuleException("This export has already finished.");
        Status = StateExportStatus.Running;
        FilesTotal = filesTotal;
        Attempts++;
        StartedAt ??= at;
    }

    public void Writing(string file, long rowsWritten)
    {
        CurrentFile = file;
        RowsWritten = rowsWritten;
    }

    public void PartFinished(string part, long rows)
    {
        if (part.Contains(PartSeparator) || part.Contains('=')) throw new DomainRuleException("A part's name cannot hold '|' or '='.");
        if (Status != StateExportStatus.Running) throw new DomainRuleException("Only a running export writes parts.");
        if (FinishedPartRows.ContainsKey(part)) return;
        var entry = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{part}={rows}");
        FinishedParts = FinishedParts.Length == 0 ? entry : FinishedParts + PartSeparator + entry;
        FilesWritten++;
        RowsWritten = FinishedPartRows.Values.Sum();
    }

    public void Complete(string storageKey, long sizeBytes, DateTimeOffset at)
    {
        if (Status != StateExportStatus.Running) throw new DomainRuleException("Only a running export can complete.");
        Status = StateExportStatus.Ready;
        StorageKey = storageKey;
        SizeBytes = sizeBytes;
        CurrentFile = null;
        CompletedAt = at;
    }

    public void Fail(string problem, DateTimeOffset at)
    {
        if (IsFinished) throw new DomainRuleException("This export has already finished.");
        Status = StateExportStatus.Failed;
        Problem = problem.Length <= MaximumProblemLength ? problem : problem[..(MaximumProblemLength - 1)] + "…";
        CompletedAt = at;
    }
}

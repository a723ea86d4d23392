using Registry.Domain.Common;

namespace Registry.Domain.Employers;

public enum RosterVerificationStatus
{
    Queued,
    Running,
    Completed,
    Failed,
}

/// <summary>
/// A roster an employer's system handed in to be verified in the background. The upload and then the result
/// workbook live in this row, so whichever web server is asked can answer; the upload is dropped once the
/// work is done, and the whole row is gone after <see cref="Retention"/>.
/// </summary>
public sealed class RosterVerification
{
    public static readonly TimeSpan Retention = TimeSpan.FromDays(7);
    public const int MaximumProblemLength = 1000;

    private RosterVerification() { }

    public RosterVerification(Guid employerId, string fileName, byte[] upload, DateTimeOffset submittedAt)
    {
        Id = Guid.CreateVersion7();
        EmployerId = employerId;
        FileName = fileName;
        Upload = upload;
        Status = RosterVerificationStatus.Queued;
        SubmittedAt = submittedAt;
        ExpiresAt = submittedAt + Retention;
    }

    public Guid Id { get; private set; }
    public Guid EmployerId { get; private set; }
    public string FileName { get; private set; } = "";
    public RosterVerificationStatus Status { get; private set; }

    /// <summary>The roster as uploaded, until the work is done.</summary>
    public byte[]? Upload { get; private set; }

    public int? Rows { get; private set; }
    public int? Matched { get; private set; }

    /// <summary>Why the roster could not be verified (e.g. it has no header row), in words for the employer.</summary>
    public string? Problem { get; private set; }

    /// <summary>The result .xlsx, once completed.</summary>
    public byte[]? Workbook { get; private set; }

    public DateTimeOffset SubmittedAt { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }

    public bool IsFinished => Status is RosterVerificationStatus.Completed or RosterVerificationStatus.Failed;

    /// <summary>A worker takes the job; a retried run (the first was killed) starts it again.</summary>
    public void Start(DateTimeOffset at)
    {
        if (IsFinished) throw new DomainRuleException("This roster verification has already finished.");
        Status = RosterVerificationStatus.Running;
        StartedAt = at;
    }

    public void Complete(int rows, int matched, byte[] workbook, DateTimeOffset at)
    {
        if (Status != RosterVerificationStatus.Running) throw new DomainRuleException("Only a running roster verification can complete.");
        Status = RosterVerificationStatus.Completed;
        Rows = rows;
        Matched = matched;
        Workbook = workbook;
        Finish(at);
    }

    public void Fail(string problem, DateTimeOffset at)
    {
        if (Status != RosterVerificationStatus.Running) throw new DomainRuleException("Only a running roster verification can fail.");
        Status = RosterVerificationStatus.Failed;
        Problem = problem.Length <= MaximumProblemLength ? problem : problem[..(MaximumProblemLength - 1)] + "…";
        Finish(at);
    }

    private void Finish(DateTimeOffset at)
    {
        Upload = null;
        CompletedAt = at;
    }
}

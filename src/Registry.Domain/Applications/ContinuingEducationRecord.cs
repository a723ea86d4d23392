namespace Registry.Domain.Applications;

/// <summary>
/// Continuing education a holder completed in the current cycle, on a renewal or reinstatement
/// application; ethics hours count towards both the total and the ethics requirement.
/// </summary>
public sealed class ContinuingEducationRecord
{
    private ContinuingEducationRecord() { }

    internal ContinuingEducationRecord(Guid applicationId, string course, string provider, decimal hours, DateOnly completedOn, bool isEthics, Guid? evidenceDocumentId)
    {
        Id = Guid.CreateVersion7();
        ApplicationId = applicationId;
        Course = Text.Require(course, "course name", 200);
        Provider = Text.Require(provider, "education provider", 200);
        Hours = hours;
        CompletedOn = completedOn;
        IsEthics = isEthics;
        EvidenceDocumentId = evidenceDocumentId;
    }

    public Guid Id { get; private set; }
    public Guid ApplicationId { get; private set; }
    public string Course { get; private set; } = "";
    public string Provider { get; private set; } = "";
    public decimal Hours { get; private set; }
    public DateOnly CompletedOn { get; private set; }
    public bool IsEthics { get; private set; }
    public Guid? EvidenceDocumentId { get; private set; }
    public RecordReview Review { get; private set; }
    public string? ReviewReason { get; private set; }

    internal void SetReview(RecordReview review, string? reason) => (Review, ReviewReason) = (review, reason);

    internal bool SameAs(string course, string provider, DateOnly completedOn) =>
        Course.Equals(course.Trim(), StringComparison.OrdinalIgnoreCase) && Provider.Equals(provider.Trim(), StringComparison.OrdinalIgnoreCase) && CompletedOn == completedOn;
}

using Registry.Domain.Common;

namespace Registry.Domain.Applications;

/// <summary>A course the applicant completed, counted towards the program's training hours and one of its domains.</summary>
public sealed class TrainingRecord
{
    private TrainingRecord() { }

    internal TrainingRecord(Guid applicationId, string course, string provider, string domainCode, decimal hours, DateOnly completedOn, Guid? evidenceDocumentId)
    {
        Id = Guid.CreateVersion7();
        ApplicationId = applicationId;
        Course = Text.Require(course, "course name", 200);
        Provider = Text.Require(provider, "training provider", 200);
        DomainCode = domainCode;
        Hours = hours;
        CompletedOn = completedOn;
        EvidenceDocumentId = evidenceDocumentId;
    }

    public Guid Id { get; private set; }
    public Guid ApplicationId { get; private set; }
    public string Course { get; private set; } = "";
    public string Provider { get; private set; } = "";
    public string DomainCode { get; private set; } = "";
    public decimal Hours { get; private set; }
    public DateOnly CompletedOn { get; private set; }
    public Guid? EvidenceDocumentId { get; private set; }
    public RecordReview Review { get; private set; }
    public string? ReviewReason { get; private set; }

    internal void SetReview(RecordReview review, string? reason) => (Review, ReviewReason) = (review, reason);

    internal bool SameAs(string course, string provider, DateOnly completedOn) =>
        Course.Equals(course.Trim(), StringComparison.OrdinalIgnoreCase) && Provider.Equals(provider.Trim(), StringComparison.OrdinalIgnoreCase) && CompletedOn == completedOn;
}

public enum WorkKind
{
    Paid,
    Volunteer,
}

/// <summary>Peer work, paid or volunteer, counted towards the program's supervised work hours.</summary>
public sealed class WorkExperience
{
    private WorkExperience() { }

    internal WorkExperience(Guid applicationId, WorkKind kind, string organisation, string role, DateOnly startOn, DateOnly endOn, decimal hours)
    {
        Id = Guid.CreateVersion7();
        ApplicationId = applicationId;
        Kind = kind;
        Organisation = Text.Require(organisation, "organisation", 200);
        Role = Text.Optional(role, 200);
        StartOn = startOn;
        EndOn = endOn;
        Hours = hours;
    }

    public Guid Id { get; private set; }
    public Guid ApplicationId { get; private set; }
    public WorkKind Kind { get; private set; }
    public string Organisation { get; private set; } = "";
    public string? Role { get; private set; }
    public DateOnly StartOn { get; private set; }
    public DateOnly EndOn { get; private set; }
    public decimal Hours { get; private set; }
    public RecordReview Review { get; private set; }
    public string? ReviewReason { get; private set; }

    internal void SetReview(RecordReview review, string? reason) => (Review, ReviewReason) = (review, reason);

    internal bool SameAs(string organisation, DateOnly startOn) =>
        Organisation.Equals(organisation.Trim(), StringComparison.OrdinalIgnoreCase) && StartOn == startOn;
}

public enum SupervisionFormat
{
    Individual,
    Group,
}

/// <summary>
/// A supervision session. It counts only once the supervisor has confirmed it through their e-mailed link;
/// until then it is pending.
/// </summary>
public sealed class SupervisionLog
{
    private SupervisionLog() { }

    internal SupervisionLog(Guid applicationId, DateOnly heldOn, decimal hours, SupervisionFormat format, string topics,
        string supervisorName, string supervisorCredential, string supervisorEmail)
    {
        Id = Guid.CreateVersion7();
        ApplicationId = applicationId;
        HeldOn = heldOn;
        Hours = hours;
        Format = format;
        Topics = Text.Require(topics, "topics discussed", 2000);
        SupervisorName = Text.Require(supervisorName, "supervisor's name", 200);
        SupervisorCredential = Text.Require(supervisorCredential, "supervisor's credential", 100);
        SupervisorEmail = Text.RequireEmail(supervisorEmail, "supervisor's e-mail");
    }

    public Guid Id { get; private set; }
    public Guid ApplicationId { get; private set; }
    public DateOnly HeldOn { get; private set; }
    public decimal Hours { get; private set; }
    public SupervisionFormat Format { get; private set; }

    /// <summary>What was discussed in supervision: private to the applicant, the supervisor and staff.</summary>
    [PrivateData] public string Topics { get; private set; } = "";

    public string SupervisorName { get; private set; } = "";
    public string SupervisorCredential { get; private set; } = "";
    public string SupervisorEmail { get; private set; } = "";
    public DateTimeOffset? ConfirmedAt { get; private set; }
    public bool IsConfirmed => ConfirmedAt is not null;

    /// <summary>What the supervisor wrote when confirming: private to the applicant's state staff.</summary>
    [PrivateData] public string? SupervisorStatement { get; private set; }

    internal void Confirm(string? statement, DateTimeOffset at)
    {
        if (IsConfirmed) return;
        SupervisorStatement = Text.Optional(statement, 4000);
        ConfirmedAt = at;
    }

    internal bool SameAs(DateOnly heldOn, string supervisorEmail, decimal hours) =>
        HeldOn == heldOn && SupervisorEmail.Equals(supervisorEmail.Trim(), StringComparison.OrdinalIgnoreCase) && Hours == hours;
}

/// <summary>A referee the applicant names; the reference counts once the referee confirms it through their link.</summary>
public sealed class Reference
{
    private Reference() { }

    internal Reference(Guid applicationId, string refereeName, string refereeEmail, string relationship)
    {
        Id = Guid.CreateVersion7();
        ApplicationId = applicationId;
        RefereeName = Text.Require(refereeName, "referee's name", 200);
        RefereeEmail = Text.RequireEmail(refereeEmail, "referee's e-mail");
        Relationship = Text.Require(relationship, "how the referee knows you", 200);
    }

    public Guid Id { get; private set; }
    public Guid ApplicationId { get; private set; }
    public string RefereeName { get; private set; } = "";
    public string RefereeEmail { get; private set; } = "";
    public string Relationship { get; private set; } = "";

    /// <summary>The referee's own words: private to the applicant's state staff.</summary>
    [PrivateData] public string? Statement { get; private set; }

    public DateTimeOffset? ConfirmedAt { get; private set; }
    public bool IsConfirmed => ConfirmedAt is not null;

    internal void Confirm(string? statement, DateTimeOffset at)
    {
        if (IsConfirmed) return;
        Statement = Text.Optional(statement, 4000);
        ConfirmedAt = at;
    }
}

internal static class Text
{
    public static string Require(string? value, string what, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value)) throw new DomainRuleException($"Enter the {what}.");
        var trimmed = value.Trim();
        if (trimmed.Length > maxLength) throw new DomainRuleException($"The {what} can be at most {maxLength} characters.");
        return trimmed;
    }

    public static string? Optional(string? value, int maxLength) =>
        string.IsNullOrWhiteSpace(value) ? null : Require(value, "text", maxLength);

    public static string RequireEmail(string? value, string what)
    {
        var email = Require(value, what, 256);
        var at = email.IndexOf('@');
        if (at < 1 || at == email.Length - 1 || email.Contains(' ')) throw new DomainRuleException($"The {what} does not look like an e-mail address.");
        return email;
    }
}

using Registry.Domain.Common;

namespace Registry.Domain.Confirmations;

public enum ConfirmationPurpose
{
    /// <summary>A supervisor confirms one or more supervision logs.</summary>
    Supervision,

    /// <summary>A referee confirms their reference.</summary>
    Reference,
}

/// <summary>
/// An e-mailed link that lets someone without an account confirm records. It expires, and it works once.
/// The link's token is signed by the application; only this row's id travels inside it.
/// </summary>
public sealed class ConfirmationRequest
{
    private ConfirmationRequest() { }

    public ConfirmationRequest(ConfirmationPurpose purpose, Guid applicationId, string email, IEnumerable<Guid> subjectIds, DateTimeOffset createdAt, TimeSpan lifetime)
    {
        var subjects = subjectIds.Distinct().ToList();
        if (subjects.Count == 0) throw new DomainRuleException("There is nothing to confirm.");
        Id = Guid.CreateVersion7();
        Purpose = purpose;
        ApplicationId = applicationId;
        Email = email;
        SubjectIds = subjects;
        CreatedAt = createdAt;
        ExpiresAt = createdAt + lifetime;
    }

    public Guid Id { get; private set; }
    public ConfirmationPurpose Purpose { get; private set; }
    public Guid ApplicationId { get; private set; }
    public string Email { get; private set; } = "";
    public List<Guid> SubjectIds { get; private set; } = [];
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? UsedAt { get; private set; }

    public bool IsUsable(DateTimeOffset now) => UsedAt is null && now < ExpiresAt;

    public void Use(DateTimeOffset now)
    {
        if (UsedAt is not null) throw new DomainRuleException("This link has already been used. Thank you, nothing more is needed.");
        if (now >= ExpiresAt) throw new DomainRuleException("This link has expired. Please ask the applicant to send a new one.");
        UsedAt = now;
    }
}

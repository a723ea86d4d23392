using Registry.Domain.Common;
using Registry.Domain.Jurisdictions;

namespace Registry.Domain.Employers;

public enum EmployerStatus
{
    PendingApproval,
    Approved,
    Suspended,
}

/// <summary>
/// An organisation that verifies peers' credentials. It registers itself, names the state it mainly works
/// in (whose administrators approve it), and may use API keys, rosters and the watch-list only once approved.
/// </summary>
public sealed class Employer
{
    private Employer() { }

    public Employer(string name, string contactEmail, StateCode state, DateTimeOffset registeredAt)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainRuleException("An employer needs a name.");
        if (string.IsNullOrWhiteSpace(contactEmail) || !contactEmail.Contains('@')) throw new DomainRuleException("An employer needs a contact e-mail address.");
        Id = Guid.CreateVersion7();
        Name = ReadableText.Normalise(name);
        ContactEmail = contactEmail.Trim();
        StateCode = state;
        RegisteredAt = registeredAt;
        Status = EmployerStatus.PendingApproval;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public string ContactEmail { get; private set; } = "";

    /// <summary>The state the organisation mainly works in; its StateAdmins (or a SystemAdmin) approve it.</summary>
    public StateCode StateCode { get; private set; }
    public EmployerStatus Status { get; private set; }
    public DateTimeOffset RegisteredAt { get; private set; }
    public DateTimeOffset? ApprovedAt { get; private set; }
    public Guid? ApprovedByUserId { get; private set; }

    public bool IsApproved => Status == EmployerStatus.Approved;

    public void Approve(Guid? approvedByUserId, DateTimeOffset at)
    {
        if (Status != EmployerStatus.PendingApproval) throw new DomainRuleException($"{Name} is not waiting for approval.");
        Status = EmployerStatus.Approved;
        ApprovedAt = at;
        ApprovedByUserId = approvedByUserId;
    }
}

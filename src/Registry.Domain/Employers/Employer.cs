using Registry.Domain.Common;

namespace Registry.Domain.Employers;

public enum EmployerStatus
{
    PendingApproval,
    Approved,
    Suspended,
}

/// <summary>An organisation that verifies peers' credentials; it may act only once approved.</summary>
public sealed class Employer
{
    private Employer() { }

    public Employer(string name, string contactEmail)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainRuleException("An employer needs a name.");
        Id = Guid.CreateVersion7();
        Name = name.Trim();
        ContactEmail = contactEmail.Trim();
        Status = EmployerStatus.PendingApproval;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public string ContactEmail { get; private set; } = "";
    public EmployerStatus Status { get; private set; }
    public DateTimeOffset? ApprovedAt { get; private set; }

    public void Approve(DateTimeOffset at)
    {
        if (Status != EmployerStatus.PendingApproval) throw new DomainRuleException($"{Name} is not waiting for approval.");
        Status = EmployerStatus.Approved;
        ApprovedAt = at;
    }
}

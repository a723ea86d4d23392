using Registry.Domain.Common;

namespace Registry.Domain.Credentials;

public enum DisciplineOutcome
{
    NoAction,
    Reprimand,
    Probation,
    Suspension,
    Revocation,
}

/// <summary>
/// A discipline case about one credential: a notice to the holder with a date to respond by, the holder's
/// response, and a decision with an appeal window. Each step is an entry in the credential's history.
/// The allegation, the notes and the response are private; only a public decision is shown to verifiers.
/// </summary>
public sealed class DisciplineCase : IVersioned
{
    private DisciplineCase() { }

    public static DisciplineCase Open(Credential credential, string notice, DateOnly responseDueOn, DateOnly today, Guid actorUserId, DateTimeOffset at)
    {
        if (credential.Status is CredentialStatus.Revoked or CredentialStatus.Relinquished)
            throw new DomainRuleException($"Credential {credential.Number} is {credential.Status.ToString().ToLowerInvariant()}; no case can be opened.");
        if (string.IsNullOrWhiteSpace(notice)) throw new DomainRuleException("Write the notice the holder will receive.");
        if (responseDueOn <= today) throw new DomainRuleException("Give the holder a response date after today.");
        var opened = new DisciplineCase
        {
            Id = Guid.CreateVersion7(), CredentialId = credential.Id, Notice = notice.Trim(), ResponseDueOn = responseDueOn,
            OpenedAt = at, OpenedByUserId = actorUserId,
        };
        credential.RecordCaseStep(CredentialEventKind.CaseOpened, today, actorUserId, at, opened.Id);
        return opened;
    }

    public Guid Id { get; private set; }
    public Guid CredentialId { get; private set; }
    [PrivateData] public string Notice { get; private set; } = "";
    public DateOnly ResponseDueOn { get; private set; }
    public DateTimeOffset OpenedAt { get; private set; }
    public Guid OpenedByUserId { get; private set; }
    [PrivateData] public string? HolderResponse { get; private set; }
    public DateTimeOffset? RespondedAt { get; private set; }
    public DisciplineOutcome? Outcome { get; private set; }
    [PrivateData] public string? DecisionNotes { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public Guid? DecidedByUserId { get; private set; }
    public DateOnly? AppealUntil { get; private set; }
    public int Version { get; private set; }

    public bool IsOpen => Outcome is null;

    public void RecordResponse(Credential credential, string response, DateOnly today, Guid actorUserId, DateTimeOffset at)
    {
        if (!IsOpen) throw new DomainRuleException("This case has been decided; a response can no longer be added.");
        if (string.IsNullOrWhiteSpace(response)) throw new DomainRuleException("Write the response.");
        HolderResponse = response.Trim();
        RespondedAt = at;
        credential.RecordCaseStep(CredentialEventKind.ResponseReceived, today, actorUserId, at, Id);
    }

    /// <summary>Decides the case and applies the outcome to the credential; revocation is final.</summary>
    public void Decide(Credential credential, DisciplineOutcome outcome, string notes, string? conditions, DateOnly? endsOn, int appealDays,
        DateOnly today, Guid actorUserId, DateTimeOffset at)
    {
        if (!IsOpen) throw new DomainRuleException("This case has already been decided.");
        if (string.IsNullOrWhiteSpace(notes)) throw new DomainRuleException("Record the reasons for the decision.");
        if (appealDays is < 0 or > 365) throw new DomainRuleException("An appeal window is between 0 and 365 days.");
        var reason = notes.Trim();
        switch (outcome)
        {
            case DisciplineOutcome.NoAction: credential.RecordCaseStep(CredentialEventKind.CaseClosed, today, actorUserId, at, Id); break;
            case DisciplineOutcome.Reprimand: credential.Reprimand(reason, today, actorUserId, at, Id); break;
            case DisciplineOutcome.Probation:
                credential.PlaceOnProbation(conditions ?? "", endsOn ?? throw new DomainRuleException("Probation needs an end date."), today, actorUserId, at, Id);
                break;
            case DisciplineOutcome.Suspension: credential.Suspend(reason, today, endsOn, actorUserId, at, Id); break;
            case DisciplineOutcome.Revocation: credential.Revoke(reason, today, actorUserId, at, Id); break;
            default: throw new DomainRuleException("Choose an outcome.");
        }
        Outcome = outcome;
        DecisionNotes = reason;
        DecidedAt = at;
        DecidedByUserId = actorUserId;
        AppealUntil = today.AddDays(appealDays);
    }
}

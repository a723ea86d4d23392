namespace Registry.Domain.Notifications;

/// <summary>
/// That a holder was reminded about one credential, for one cycle (identified by the expiry date it
/// reminds about), at one reminder stage (days before expiry; 0 on the day itself). The database keeps
/// one row per credential, cycle and stage, so a reminder is sent at most once however often the job runs.
/// Written set-based by the reminder job.
/// </summary>
public sealed class RenewalReminder
{
    private RenewalReminder() { }

    public Guid Id { get; private set; }
    public Guid CredentialId { get; private set; }
    public Guid PersonId { get; private set; }
    public DateOnly CycleExpiresOn { get; private set; }
    public int DaysBefore { get; private set; }

    /// <summary>The job run that wrote it; its holder's message is written in the same run.</summary>
    public Guid RunId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
}

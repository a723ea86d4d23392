namespace Registry.Domain.Notifications;

/// <summary>
/// An e-mail in the outbox. It is written in the same transaction as the change it tells about, and a
/// job sends what is unsent. A deduplication key makes sure one event is told once.
/// </summary>
public sealed class Notification
{
    private Notification() { }

    public Notification(string recipientEmail, string template, string subject, string body, DateTimeOffset createdAt, Guid? personId = null, string? deduplicationKey = null)
    {
        Id = Guid.CreateVersion7();
        RecipientEmail = recipientEmail.Trim();
        Template = template;
        Subject = subject;
        Body = body;
        CreatedAt = createdAt;
        PersonId = personId;
        DeduplicationKey = deduplicationKey;
    }

    public Guid Id { get; private set; }
    public string RecipientEmail { get; private set; } = "";
    public Guid? PersonId { get; private set; }
    public string Template { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string Body { get; private set; } = "";
    public string? DeduplicationKey { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public int Attempts { get; private set; }
    public string? LastError { get; private set; }

    public void MarkSent(DateTimeOffset at)
    {
        SentAt ??= at;
        Attempts++;
        LastError = null;
    }

    public void MarkFailed(string error)
    {
        Attempts++;
        LastError = error.Length > 2000 ? error[..2000] : error;
    }
}

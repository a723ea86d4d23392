using Registry.Domain.Common;

namespace Registry.Domain.Notifications;

/// <summary>
/// An e-mail in the outbox: which message (<see cref="Template"/>), in which language, with what facts
/// (<see cref="Payload"/>, JSON). Its subject and body are rendered from the template when it is sent or shown,
/// never written by the code that asks for it. It is written in the same transaction as the change it tells
/// about, and a job sends what is due. A deduplication key makes sure one event is told once. A failed send waits
/// longer before each new attempt; after <see cref="MaxAttempts"/> the message is given up (failed) until
/// an administrator re-queues it. Messages someone is waiting for go before the scheduled bulk ones
/// (<see cref="NotificationPriority"/>).
/// </summary>
public sealed class Notification
{
    public const int MaxAttempts = 10;

    /// <summary>The wait after the first failed attempt; each further failure doubles it.</summary>
    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMinutes(1);

    /// <summary>The longest wait between two attempts.</summary>
    public static readonly TimeSpan LongestRetryDelay = TimeSpan.FromHours(4);

    private Notification() { }

    /// <summary>The language every message is written in until people can choose theirs.</summary>
    public const string DefaultLanguage = "en";

    public Notification(string recipientEmail, string template, string payload, DateTimeOffset createdAt, Guid? personId = null, string? deduplicationKey = null,
        NotificationPriority priority = NotificationPriority.Immediate, string language = DefaultLanguage)
    {
        if (string.IsNullOrWhiteSpace(template)) throw new ArgumentException("A message needs its template.", nameof(template));
        Id = Guid.CreateVersion7();
        RecipientEmail = recipientEmail.Trim();
        Template = template;
        Language = language;
        Payload = payload;
        CreatedAt = createdAt;
        NextAttemptAt = createdAt;
        PersonId = personId;
        DeduplicationKey = deduplicationKey;
        Priority = priority;
    }

    public Guid Id { get; private set; }
    public string RecipientEmail { get; private set; } = "";
    public Guid? PersonId { get; private set; }
    public string Template { get; private set; } = "";

    /// <summary>The recipient's language, as a BCP 47 tag (<c>en</c>).</summary>
    public string Language { get; private set; } = DefaultLanguage;

    /// <summary>The facts the template words, as a JSON object.</summary>
    public string Payload { get; private set; } = "{}";
    public string? DeduplicationKey { get; private set; }
    public NotificationPriority Priority { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public int Attempts { get; private set; }
    public string? LastError { get; private set; }

    /// <summary>When the dispatcher may next try to send it (while it is neither sent nor failed).</summary>
    public DateTimeOffset NextAttemptAt { get; private set; }

    /// <summary>When it was given up after <see cref="MaxAttempts"/> failed attempts; null while it is still tried.</summary>
    public DateTimeOffset? FailedAt { get; private set; }

    /// <summary>The wait after <paramref name="failedAttempts"/> failed attempts: 1, 2, 4, 8 … minutes, at most four hours.</summary>
    public static TimeSpan RetryDelay(int failedAttempts)
    {
        var doublings = Math.Clamp(failedAttempts - 1, 0, 30);
        var delay = FirstRetryDelay * Math.Pow(2, doublings);
        return delay < LongestRetryDelay ? delay : LongestRetryDelay;
    }

    public void MarkSent(DateTimeOffset at)
    {
        SentAt ??= at;
        Attempts++;
        LastError = null;
    }

    public void MarkFailed(string error, DateTimeOffset at)
    {
        Attempts++;
        LastError = error.Length > 2000 ? error[..2000] : error;
        if (Attempts >= MaxAttempts) FailedAt = at;
        else NextAttemptAt = at + RetryDelay(Attempts);
    }

    /// <summary>An administrator's "retry now": the message is due at once, with a fresh set of attempts.</summary>
    public void Requeue(DateTimeOffset at)
    {
        if (SentAt is not null) throw new DomainRuleException("This message has been sent already.");
        FailedAt = null;
        Attempts = 0;
        NextAttemptAt = at;
    }
}

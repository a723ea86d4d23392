using System.Text.Json;
using System.Text.Json.Serialization;
using Registry.Domain.Notifications;

namespace Registry.Application.Common.Messages;

/// <summary>
/// The facts of one kind of message, stored as the <see cref="Notification.Payload"/> and worded by the template of
/// the same name (<see cref="MessageTemplate{TMessage}"/>) when the message is sent or shown.
/// </summary>
public interface IMessage
{
    /// <summary>The template's name, stored on the notification.</summary>
    static abstract string Template { get; }
}

/// <summary>The one way a message enters the outbox: a template name and its facts, never a written body.</summary>
public static class Outbox
{
    /// <summary>Property names as declared, dates as yyyy-MM-dd, enums by name: the jobs' SQL writes the same shape.</summary>
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General) { Converters = { new JsonStringEnumConverter() } };

    public static Notification Message<TMessage>(string recipientEmail, TMessage message, DateTimeOffset at, Guid? personId = null,
        string? deduplicationKey = null, NotificationPriority priority = NotificationPriority.Immediate) where TMessage : IMessage =>
        new(recipientEmail, TMessage.Template, JsonSerializer.Serialize(message, Json), at, personId, deduplicationKey, priority);
}

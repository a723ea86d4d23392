using Registry.Domain.Notifications;

namespace Registry.Application.Common.Messages;

/// <summary>
/// Renders outbox messages from their template, language and facts: the dispatcher that sends them, the staff
/// outbox and the Development mail page all come here, so a message reads the same wherever it is seen. Every
/// <see cref="MessageTemplate{TMessage}"/> in this assembly is found; a language without its own wording of a
/// template falls back to English.
/// </summary>
public sealed class MessageTemplates(MessageLinks links)
{
    private static readonly IReadOnlyDictionary<(string Name, string Language), IMessageTemplate> All =
        typeof(MessageTemplates).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsClass: true } && typeof(IMessageTemplate).IsAssignableFrom(t))
            .Select(t => (IMessageTemplate)Activator.CreateInstance(t)!)
            .ToDictionary(t => (t.Name, t.Language));

    /// <summary>Every template name, for checks that each kind of message can be rendered.</summary>
    public static IReadOnlyCollection<string> Names => All.Keys.Select(k => k.Name).Distinct().Order().ToList();

    public RenderedMessage Render(Notification notification) => Render(notification.Template, notification.Language, notification.Payload);

    public RenderedMessage Render(string template, string language, string payload)
    {
        var wording = All.GetValueOrDefault((template, language)) ?? All.GetValueOrDefault((template, Notification.DefaultLanguage))
            ?? throw new InvalidOperationException($"There is no message template named {template}.");
        return wording.Compose(payload, links).Render(wording.Language);
    }
}

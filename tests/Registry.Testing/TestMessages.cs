using Registry.Application.Common.Messages;
using Registry.Application.Common.Messages.Templates;
using Registry.Domain.Notifications;

namespace Registry.Testing;

/// <summary>Outbox messages for tests, rendered by the registry's own templates (as the test host's links).</summary>
public static class TestMessages
{
    public const string PublicBaseUrl = "http://localhost:5080";

    public static readonly MessageTemplates Templates = new(new MessageLinks(PublicBaseUrl));

    /// <summary>The subject and bodies the dispatcher would send.</summary>
    public static RenderedMessage Rendered(this Notification notification) => Templates.Render(notification);

    /// <summary>A real message whose subject names <paramref name="label"/> (see <see cref="SubjectOf"/>).</summary>
    public static Notification Labelled(string to, string label, DateTimeOffset at, NotificationPriority priority = NotificationPriority.Immediate) =>
        Outbox.Message(to, new EmployerApprovedMessage(label), at, priority: priority);

    public static string SubjectOf(string label) => $"{label} is approved to verify credentials";

    /// <summary>A real message that carries a private link in its body; its subject names <paramref name="label"/>.</summary>
    public static Notification WithPrivateLink(string to, string label, string link, DateTimeOffset at) =>
        Outbox.Message(to, new SupervisionConfirmationMessage(label, [], link, at.AddDays(14)), at);
}

namespace Registry.Application.Common.Messages.Templates;

/// <summary>
/// Someone tried to register with an address that already has an account. The person is told here, not the
/// one registering, who hears what every registration hears (so no one learns who has an account).
/// </summary>
public sealed record AlreadyRegisteredMessage(string? Name) : IMessage
{
    public static string Template => "already-registered";
}

internal sealed class AlreadyRegisteredTemplate : MessageTemplate<AlreadyRegisteredMessage>
{
    protected override MessageContent Compose(AlreadyRegisteredMessage m, MessageLinks links) => new(
        "Someone tried to register with your e-mail address",
        [
            m.Name is null ? new Paragraph("Hello,") : Hello(m.Name),
            new Paragraph("Someone, perhaps you, tried to create a Peer Specialist Registry account with this e-mail address. It already has an account, so no new one was made."),
            new MessageLink("Sign in with your account here", links.To("/Account/Login")),
            new MessageLink("If you have forgotten your password, you can reset it here", links.To("/Account/ForgotPassword")),
            new Paragraph("If it was not you, you can ignore this message; your account stays as it is."),
        ]);
}

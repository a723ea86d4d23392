namespace Registry.Application.Common.Messages.Templates;

/// <summary>A new account's address is confirmed by following the link.</summary>
public sealed record ConfirmEmailMessage(string? Name, string Link) : IMessage
{
    public static string Template => "confirm-email";
}

internal sealed class ConfirmEmailTemplate : MessageTemplate<ConfirmEmailMessage>
{
    protected override MessageContent Compose(ConfirmEmailMessage m, MessageLinks links) => new(
        "Confirm your e-mail address for the Peer Specialist Registry",
        [
            m.Name is null ? new Paragraph("Hello,") : Hello(m.Name),
            new MessageLink("Please confirm your e-mail address so that you can sign in to the Peer Specialist Registry", m.Link),
            new Paragraph("If you did not create an account, you can ignore this message."),
        ]);
}

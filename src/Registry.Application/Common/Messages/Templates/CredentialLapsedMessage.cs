namespace Registry.Application.Common.Messages.Templates;

/// <summary>Written by the expiry job's SQL (property names as here).</summary>
public sealed record CredentialLapsedMessage(string Name, string Program, string Number) : IMessage
{
    public static string Template => "credential-lapsed";
}

internal sealed class CredentialLapsedTemplate : MessageTemplate<CredentialLapsedMessage>
{
    protected override MessageContent Compose(CredentialLapsedMessage m, MessageLinks links) => new(
        $"Your {m.Program} credential {m.Number} has lapsed",
        [
            Hello(m.Name),
            new Paragraph($"Your {m.Program} credential {m.Number} has lapsed: its renewal grace period is over. To practise again, apply for reinstatement."),
            new MessageLink("Your credentials", links.To("/Credentials")),
        ]);
}

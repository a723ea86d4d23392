namespace Registry.Application.Common.Messages.Templates;

/// <summary>The holder gave up their credential.</summary>
public sealed record CredentialRelinquishedMessage(string Name, string Number, DateOnly EffectiveOn) : IMessage
{
    public static string Template => "credential-relinquished";
}

internal sealed class CredentialRelinquishedTemplate : MessageTemplate<CredentialRelinquishedMessage>
{
    protected override MessageContent Compose(CredentialRelinquishedMessage m, MessageLinks links) => new(
        $"You have relinquished credential {m.Number}",
        [
            Hello(m.Name),
            new Paragraph($"As you asked, credential {m.Number} is relinquished from {Day(m.EffectiveOn)}."),
            new MessageLink("Your credentials", links.To("/Credentials")),
        ]);
}

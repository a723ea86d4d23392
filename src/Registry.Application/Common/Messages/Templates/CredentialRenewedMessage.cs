namespace Registry.Application.Common.Messages.Templates;

/// <summary>A renewal was approved.</summary>
public sealed record CredentialRenewedMessage(string Name, string Program, string Number, DateOnly ExpiresOn, DateOnly? ProbationUntil) : IMessage
{
    public static string Template => "credential-renewed";
}

internal sealed class CredentialRenewedTemplate : MessageTemplate<CredentialRenewedMessage>
{
    protected override MessageContent Compose(CredentialRenewedMessage m, MessageLinks links)
    {
        var blocks = new List<MessageBlock>
        {
            Hello(m.Name),
            new Paragraph($"Your renewal of {m.Program} is approved. Credential {m.Number} now expires on {Day(m.ExpiresOn)}."),
        };
        if (m.ProbationUntil is { } until) blocks.Add(new Paragraph($"It stays on probation, under the same conditions, until {Day(until)}."));
        blocks.Add(new MessageLink("Your credentials", links.To("/Credentials")));
        return new MessageContent($"Your credential {m.Number} is renewed", blocks);
    }
}

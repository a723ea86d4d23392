namespace Registry.Application.Common.Messages.Templates;

/// <summary>An application was approved and a credential issued: the one message the approval sends.</summary>
public sealed record CredentialIssuedMessage(string Name, string Program, string Number, DateOnly IssuedOn, DateOnly ExpiresOn) : IMessage
{
    public static string Template => "credential-issued";
}

internal sealed class CredentialIssuedTemplate : MessageTemplate<CredentialIssuedMessage>
{
    protected override MessageContent Compose(CredentialIssuedMessage m, MessageLinks links) => new(
        $"Your application is approved: {m.Program} credential {m.Number}",
        [
            Hello(m.Name),
            new Paragraph($"Your application for {m.Program} is approved."),
            new Paragraph($"Your credential number is {m.Number}. It was issued on {Day(m.IssuedOn)} and expires on {Day(m.ExpiresOn)}."),
            new MessageLink("Your credentials", links.To("/Credentials")),
        ]);
}

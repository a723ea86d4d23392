namespace Registry.Application.Common.Messages.Templates;

/// <summary>The board posted the printed certificate a holder ordered.</summary>
public sealed record CertificatePostedMessage(string Name, string Program, string Number, DateOnly PostedOn) : IMessage
{
    public static string Template => "certificate-posted";
}

internal sealed class CertificatePostedTemplate : MessageTemplate<CertificatePostedMessage>
{
    protected override MessageContent Compose(CertificatePostedMessage m, MessageLinks links) =>
        new($"Your printed certificate is in the post", [
            Hello(m.Name),
            new Paragraph($"Your state's board posted your printed {m.Program} certificate for credential {m.Number} on {Day(m.PostedOn)}, to the address you gave when you ordered it."),
            new Paragraph("If it has not arrived in two weeks, contact the board."),
            new MessageLink("Your credentials", links.To("/Credentials")),
        ]);
}

namespace Registry.Application.Common.Messages.Templates;

/// <summary>The holder's response to a case was received.</summary>
public sealed record DisciplineResponseMessage(string Name, string Number) : IMessage
{
    public static string Template => "discipline-response";
}

internal sealed class DisciplineResponseTemplate : MessageTemplate<DisciplineResponseMessage>
{
    protected override MessageContent Compose(DisciplineResponseMessage m, MessageLinks links) => new(
        $"Your response about credential {m.Number} was received",
        [
            Hello(m.Name),
            new Paragraph("Your response has been added to the case. Staff will consider it before deciding."),
            new MessageLink("Your credentials", links.To("/Credentials")),
        ]);
}

namespace Registry.Application.Common.Messages.Templates;

/// <summary>Staff opened a discipline case: what it is about and when to respond.</summary>
public sealed record DisciplineNoticeMessage(string Name, string Number, string Notice, DateOnly ResponseDueOn, BoardContactDetails? Board = null) : IMessage
{
    public static string Template => "discipline-notice";
}

internal sealed class DisciplineNoticeTemplate : MessageTemplate<DisciplineNoticeMessage>
{
    protected override MessageContent Compose(DisciplineNoticeMessage m, MessageLinks links)
    {
        var blocks = new List<MessageBlock>
        {
            Hello(m.Name),
            new Paragraph($"Your state's registry has opened a case about your credential {m.Number}:"),
            new Paragraph(m.Notice),
            new Paragraph($"Please respond by {Day(m.ResponseDueOn)}. You can respond when you sign in."),
        };
        AddBoard(blocks, m.Board);
        blocks.Add(new MessageLink("Your credentials", links.To("/Credentials")));
        return new MessageContent($"A notice about your credential {m.Number}", blocks);
    }
}

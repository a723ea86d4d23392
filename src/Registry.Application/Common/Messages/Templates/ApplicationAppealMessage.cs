using Registry.Domain.Applications;

namespace Registry.Application.Common.Messages.Templates;

/// <summary>An appeal of a denial was received, upheld (the denial stands) or overturned (the application is under review again).</summary>
public sealed record ApplicationAppealMessage(string Name, string Program, Guid ApplicationId, AppealStatus Status, string? Reason) : IMessage
{
    public static string Template => "application-appeal";
}

internal sealed class ApplicationAppealTemplate : MessageTemplate<ApplicationAppealMessage>
{
    protected override MessageContent Compose(ApplicationAppealMessage m, MessageLinks links)
    {
        var (subject, said) = m.Status switch
        {
            AppealStatus.Open => ($"We received your appeal for {m.Program}",
                $"We received your appeal of the decision on your application for {m.Program}. Your state's staff will read your statement and decide; we will write to you when they do."),
            AppealStatus.Upheld => ($"The decision on your appeal for {m.Program}",
                $"Your state's staff have decided your appeal for {m.Program}: the denial stands."),
            _ => ($"Your appeal for {m.Program} succeeded",
                $"Your state's staff have decided your appeal for {m.Program}: the denial is set aside and your application is under review again."),
        };
        var blocks = new List<MessageBlock> { Hello(m.Name), new Paragraph(said) };
        if (m.Reason is not null) blocks.Add(new Paragraph($"The reason given: {m.Reason}"));
        if (m.Status == AppealStatus.Upheld) blocks.Add(new Paragraph("You can apply again at any time, and your state's board can answer questions about the decision."));
        blocks.Add(new MessageLink("See your application and its history when you sign in", links.To($"/Applications/{m.ApplicationId}")));
        return new MessageContent(subject, blocks);
    }
}

using Registry.Domain.Applications;

namespace Registry.Application.Common.Messages.Templates;

/// <summary>An application moved on (submitted, under review, information requested, denied, withdrawn).</summary>
public sealed record ApplicationStatusMessage(string Name, string Program, ApplicationStatus Status, string? Reason, BoardContactDetails? Board = null) : IMessage
{
    public static string Template => "application-status";
}

internal sealed class ApplicationStatusTemplate : MessageTemplate<ApplicationStatusMessage>
{
    protected override MessageContent Compose(ApplicationStatusMessage m, MessageLinks links)
    {
        var status = m.Status switch
        {
            ApplicationStatus.UnderReview => "under review",
            ApplicationStatus.InfoRequested => "waiting for more information from you",
            var other => other.ToString().ToLowerInvariant(),
        };
        var blocks = new List<MessageBlock> { Hello(m.Name), new Paragraph($"Your application for {m.Program} is now {status}.") };
        if (m.Reason is not null) blocks.Add(new Paragraph($"The reason given: {m.Reason}"));
        if (m.Status == ApplicationStatus.InfoRequested) blocks.Add(new Paragraph("Please sign in, answer the request and resubmit your application."));
        AddBoard(blocks, m.Board);
        blocks.Add(new MessageLink("You can see your application and its history when you sign in", links.To("/Applications")));
        return new MessageContent($"Your application for {m.Program} is {status}", blocks);
    }
}

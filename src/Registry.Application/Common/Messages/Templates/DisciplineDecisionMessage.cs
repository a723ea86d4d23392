using Registry.Domain.Credentials;

namespace Registry.Application.Common.Messages.Templates;

/// <summary>A discipline case was decided: the outcome, the reasons and the appeal date.</summary>
public sealed record DisciplineDecisionMessage(string Name, string Number, DisciplineOutcome Outcome, string Reasons, string? Conditions, DateOnly? EndsOn,
    DateOnly? AppealUntil, BoardContactDetails? Board = null) : IMessage
{
    public static string Template => "discipline-decision";
}

internal sealed class DisciplineDecisionTemplate : MessageTemplate<DisciplineDecisionMessage>
{
    protected override MessageContent Compose(DisciplineDecisionMessage m, MessageLinks links)
    {
        var outcome = m.Outcome switch
        {
            DisciplineOutcome.NoAction => "closed without action",
            DisciplineOutcome.Reprimand => "decided with a reprimand, which is shown on your public record",
            DisciplineOutcome.Probation => $"decided with probation until {(m.EndsOn is { } end ? Day(end) : "further notice")}, under these conditions: {m.Conditions}",
            DisciplineOutcome.Suspension => "decided with a suspension" + (m.EndsOn is { } until ? $" until {Day(until)}" : ""),
            _ => "decided with revocation of the credential",
        };
        var blocks = new List<MessageBlock>
        {
            Hello(m.Name),
            new Paragraph($"The case about your credential {m.Number} has been {outcome}."),
            new Paragraph($"The reasons: {m.Reasons}"),
        };
        if (m.AppealUntil is { } appeal) blocks.Add(new Paragraph($"You may appeal until {Day(appeal)}."));
        AddBoard(blocks, m.Board);
        blocks.Add(new MessageLink("Your credentials", links.To("/Credentials")));
        return new MessageContent($"A decision about your credential {m.Number}", blocks);
    }
}

using Registry.Domain.Fees;

namespace Registry.Application.Common.Messages.Templates;

/// <summary>The board decided a person's request to waive a fee: granted (nothing more to pay) or refused, with the reason.</summary>
public sealed record HardshipDecisionMessage(string Name, string Program, Guid FeeId, string Amount, HardshipStatus Status, string Reason) : IMessage
{
    public static string Template => "hardship-decision";
}

internal sealed class HardshipDecisionTemplate : MessageTemplate<HardshipDecisionMessage>
{
    protected override MessageContent Compose(HardshipDecisionMessage m, MessageLinks links)
    {
        var (subject, said) = m.Status == HardshipStatus.Granted
            ? ($"Your {m.Program} fee is waived", $"Your state's board has waived your {m.Amount} fee for {m.Program}. You have nothing more to pay for it.")
            : ($"The decision on your fee waiver request for {m.Program}",
                $"Your state's board has decided not to waive your {m.Amount} fee for {m.Program}. The fee is still owed; you can pay it, use a voucher or ask an employer to pay.");
        return new MessageContent(subject, [
            Hello(m.Name), new Paragraph(said), new Paragraph($"The reason given: {m.Reason}"),
            new MessageLink("See the fee and the ways to pay it when you sign in", links.To($"/Fees/Fee/{m.FeeId}")),
        ]);
    }
}

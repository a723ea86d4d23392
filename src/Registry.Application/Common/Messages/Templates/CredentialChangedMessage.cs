using Registry.Domain.Credentials;

namespace Registry.Application.Common.Messages.Templates;

/// <summary>Any other decision about a credential (a probation ended early, for example).</summary>
public sealed record CredentialChangedMessage(string Name, string Number, CredentialEventKind Kind, CredentialStatus Status, DateOnly EffectiveOn, string? Reason,
    BoardContactDetails? Board = null, string? Endorsement = null)
    : IMessage
{
    public static string Template => "credential-changed";
}

internal sealed class CredentialChangedTemplate : MessageTemplate<CredentialChangedMessage>
{
    protected override MessageContent Compose(CredentialChangedMessage m, MessageLinks links)
    {
        var what = m.Kind switch
        {
            CredentialEventKind.ProbationEnded => "probation ended",
            CredentialEventKind.EndorsementGranted => $"the endorsement {m.Endorsement} was granted",
            CredentialEventKind.EndorsementWithdrawn => $"the endorsement {m.Endorsement} was withdrawn",
            _ => m.Kind.ToString().ToLowerInvariant(),
        };
        var blocks = new List<MessageBlock>
        {
            Hello(m.Name),
            new Paragraph($"Your credential {m.Number}: {what} on {Day(m.EffectiveOn)}. It is now {m.Status.ToString().ToLowerInvariant()}."),
        };
        if (m.Reason is not null) blocks.Add(new Paragraph($"The reason given: {m.Reason}"));
        AddBoard(blocks, m.Board);
        blocks.Add(new MessageLink("Your credentials", links.To("/Credentials")));
        return new MessageContent($"A change to your credential {m.Number}", blocks);
    }
}

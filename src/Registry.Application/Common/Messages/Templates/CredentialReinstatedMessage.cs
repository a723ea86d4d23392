namespace Registry.Application.Common.Messages.Templates;

/// <summary>A credential is active again: reinstated after a lapse (an approved application) or after a suspension.</summary>
public sealed record CredentialReinstatedMessage(string Name, string Program, string Number, bool AfterLapse, DateOnly ExpiresOn, DateOnly? ProbationUntil, string? Reason)
    : IMessage
{
    public static string Template => "credential-reinstated";
}

internal sealed class CredentialReinstatedTemplate : MessageTemplate<CredentialReinstatedMessage>
{
    protected override MessageContent Compose(CredentialReinstatedMessage m, MessageLinks links)
    {
        var state = m.ProbationUntil is null ? "active again" : "reinstated";
        var blocks = new List<MessageBlock>
        {
            Hello(m.Name),
            new Paragraph(m.AfterLapse
                ? $"Your application to reinstate {m.Program} is approved. Credential {m.Number} is {state} and expires on {Day(m.ExpiresOn)}."
                : $"Your credential {m.Number} has been reinstated and is {state}. It expires on {Day(m.ExpiresOn)}."),
        };
        if (m.ProbationUntil is { } until) blocks.Add(new Paragraph($"It stays on probation, under the same conditions, until {Day(until)}."));
        if (m.Reason is not null) blocks.Add(new Paragraph($"The reason given: {m.Reason}"));
        blocks.Add(new MessageLink("Your credentials", links.To("/Credentials")));
        return new MessageContent($"Your credential {m.Number} is {state}", blocks);
    }
}

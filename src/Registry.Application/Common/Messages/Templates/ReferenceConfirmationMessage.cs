namespace Registry.Application.Common.Messages.Templates;

/// <summary>A reference is asked to confirm.</summary>
public sealed record ReferenceConfirmationMessage(string Referee, string Applicant, string Relationship, string Link, DateTimeOffset ExpiresAt) : IMessage
{
    public static string Template => "reference-confirmation";
}

internal sealed class ReferenceConfirmationTemplate : MessageTemplate<ReferenceConfirmationMessage>
{
    protected override MessageContent Compose(ReferenceConfirmationMessage m, MessageLinks links) => new(
        $"Reference for {m.Applicant}",
        [
            new Paragraph($"Dear {m.Referee},"),
            new Paragraph($"{m.Applicant} has named you as a reference ({m.Relationship}) in their application for peer specialist certification."),
            new MessageLink("Open this link to confirm the reference; you may add a short statement", m.Link),
            new Paragraph(ConfirmationFooter.For(m.ExpiresAt)),
        ]);
}

namespace Registry.Application.Common.Messages.Templates;

/// <summary>
/// A reference is asked to confirm. The names and the relationship are the applicant's words, so they stay out of the
/// subject and are quoted in the body as the applicant's.
/// </summary>
public sealed record ReferenceConfirmationMessage(string Referee, string Applicant, string Relationship, string Link, DateTimeOffset ExpiresAt) : IMessage
{
    public static string Template => "reference-confirmation";
}

internal sealed class ReferenceConfirmationTemplate : MessageTemplate<ReferenceConfirmationMessage>
{
    protected override MessageContent Compose(ReferenceConfirmationMessage m, MessageLinks links) => new(
        "A reference request from a peer specialist applicant",
        [
            new Paragraph("Hello,"),
            new Paragraph($"An applicant for peer specialist certification, who gave their name as “{m.Applicant}”, has named you as a reference. " +
                $"In the applicant's words, your name is “{m.Referee}” and you know them as: “{m.Relationship}”."),
            new MessageLink("Open this link to confirm the reference; you may add a short statement", m.Link),
            new Paragraph(ConfirmationFooter.For(m.ExpiresAt)),
        ]);
}

namespace Registry.Application.Common.Messages.Templates;

/// <summary>
/// Written by the retention reminder job's SQL, one per credential and year: the holder is invited, optionally, to
/// answer the three yearly questions about their peer work (property names as here).
/// </summary>
public sealed record RetentionQuestionsMessage(string Name, string Program, string Number, string CredentialId) : IMessage
{
    public static string Template => "retention-questions";
}

internal sealed class RetentionQuestionsTemplate : MessageTemplate<RetentionQuestionsMessage>
{
    protected override MessageContent Compose(RetentionQuestionsMessage m, MessageLinks links) => new(
        "Three quick questions about your peer work (optional)",
        [
            Hello(m.Name),
            new Paragraph($"Once a year we ask people who hold a {m.Program} credential ({m.Number}) three short questions: are you working in a peer role, where, and for how many hours a week."),
            new Paragraph("Your answers help your state see whether peer specialists stay in peer work, and plan support for them. They are private: your state sees them only as counts, never employers or the public."),
            new MessageLink("Answer the three questions", links.To($"/Account/WorkPulse?credentialId={m.CredentialId}")),
            new Paragraph("Answering is up to you. If you would rather not, there is nothing you need to do, and your credential is not affected."),
        ]);
}

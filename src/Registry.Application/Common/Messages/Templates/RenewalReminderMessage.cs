namespace Registry.Application.Common.Messages.Templates;

/// <summary>
/// Written by the reminder job's SQL, one per holder and run: each credential due, soonest first (property names
/// and yyyy-MM-dd dates as here).
/// </summary>
public sealed record RenewalReminderMessage(string Name, IReadOnlyList<RenewalReminderMessage.Due> Credentials) : IMessage
{
    public static string Template => "renewal-reminder";

    public sealed record Due(string Program, string Number, DateOnly ExpiresOn, int DaysBefore);
}

internal sealed class RenewalReminderTemplate : MessageTemplate<RenewalReminderMessage>
{
    protected override MessageContent Compose(RenewalReminderMessage m, MessageLinks links) => new(
        m.Credentials.Count > 1 ? "Time to renew your peer specialist credentials" : "Time to renew your peer specialist credential",
        [
            Hello(m.Name),
            new Paragraph("It is time to renew:"),
            new BulletList(m.Credentials.Select(c => $"{c.Program} credential {c.Number} expires {(c.DaysBefore == 0 ? "today, " : "")}on {Day(c.ExpiresOn)}.").ToList()),
            new MessageLink("Start your renewal from your credentials page", links.To("/Credentials")),
            new Paragraph("Once your renewal is submitted, we stop reminding you about that credential."),
        ]);
}

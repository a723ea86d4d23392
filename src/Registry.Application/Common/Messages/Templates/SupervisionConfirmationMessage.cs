using Registry.Domain.Applications;

namespace Registry.Application.Common.Messages.Templates;

/// <summary>
/// A supervisor is asked to confirm sessions: dates, hours and format only (the topics stay off e-mail). The applicant
/// chose the name they gave, so it stays out of the subject and is quoted in the body as theirs: the registry's mail
/// cannot be made to carry someone's message in its subject line.
/// </summary>
public sealed record SupervisionConfirmationMessage(string Applicant, IReadOnlyList<SupervisionConfirmationMessage.Session> Sessions, string Link, DateTimeOffset ExpiresAt)
    : IMessage
{
    public static string Template => "supervision-confirmation";

    public sealed record Session(DateOnly HeldOn, decimal Hours, SupervisionFormat Format);
}

internal sealed class SupervisionConfirmationTemplate : MessageTemplate<SupervisionConfirmationMessage>
{
    protected override MessageContent Compose(SupervisionConfirmationMessage m, MessageLinks links) => new(
        "Please confirm supervision sessions for a peer specialist applicant",
        [
            new Paragraph($"An applicant for peer specialist certification, who gave their name as “{m.Applicant}”, has asked you to confirm {(m.Sessions.Count == 1 ? "one session" : $"{m.Sessions.Count} sessions")} of supervision you gave them:"),
            new BulletList(m.Sessions.Select(s => string.Create(English, $"{Day(s.HeldOn)}: {s.Hours:0.##} hours, {s.Format.ToString().ToLowerInvariant()}")).ToList()),
            new MessageLink("Open this link to review and confirm the sessions", m.Link),
            new Paragraph(ConfirmationFooter.For(m.ExpiresAt)),
        ]);
}

internal static class ConfirmationFooter
{
    public static string For(DateTimeOffset expiresAt) =>
        $"The link works once and expires on {expiresAt.ToString("MMMM d, yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-US"))}. If you do not know this person, you can ignore this message.";
}

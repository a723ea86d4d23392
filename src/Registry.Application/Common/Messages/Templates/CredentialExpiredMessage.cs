namespace Registry.Application.Common.Messages.Templates;

/// <summary>Written by the expiry job's SQL (property names and yyyy-MM-dd dates as here).</summary>
public sealed record CredentialExpiredMessage(string Name, string Program, string Number, DateOnly ExpiresOn, DateOnly? RenewUntil) : IMessage
{
    public static string Template => "credential-expired";
}

internal sealed class CredentialExpiredTemplate : MessageTemplate<CredentialExpiredMessage>
{
    protected override MessageContent Compose(CredentialExpiredMessage m, MessageLinks links) => new(
        $"Your {m.Program} credential {m.Number} has expired",
        [
            Hello(m.Name),
            new Paragraph($"Your {m.Program} credential {m.Number} reached its expiry date, {Day(m.ExpiresOn)}, and is no longer active."),
            new Paragraph(m.RenewUntil is { } until
                ? $"You can still renew it until {Day(until)}; after that it lapses and you would need to apply for reinstatement."
                : "To practise again, apply for reinstatement."),
            new MessageLink("Your credentials", links.To("/Credentials")),
        ]);
}

using System.Net;
using System.Net.Mail;

namespace Registry.Infrastructure.Mail;

/// <summary>One e-mail ready to leave the registry.</summary>
public sealed record OutgoingMail(string To, string Subject, string Body);

/// <summary>Hands an e-mail to the mail system; throws when it cannot.</summary>
public interface IMailSender
{
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
}

/// <summary>Writes each e-mail as an .eml file into a folder, for development and for servers without SMTP.</summary>
public sealed class PickupFolderMailSender(MailOptions options) : IMailSender
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(options.PickupDirectory);
        using var client = new SmtpClient
        {
            DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory,
            PickupDirectoryLocation = options.PickupDirectory,
        };
        using var message = MailFormat.Message(options.From, mail);
        await client.SendMailAsync(message, cancellationToken);
    }
}

/// <summary>Sends through an SMTP relay (<c>Mail:Smtp:*</c>).</summary>
public sealed class SmtpMailSender(MailOptions options) : IMailSender
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient(options.SmtpHost, options.SmtpPort)
        {
            EnableSsl = options.SmtpEnableSsl,
            Timeout = 30_000,
            Credentials = string.IsNullOrEmpty(options.SmtpUserName) ? null : new NetworkCredential(options.SmtpUserName, options.SmtpPassword),
        };
        using var message = MailFormat.Message(options.From, mail);
        await client.SendMailAsync(message, cancellationToken);
    }
}

internal static class MailFormat
{
    public static MailMessage Message(string from, OutgoingMail mail) =>
        new(new MailAddress(from), new MailAddress(mail.To))
        {
            Subject = mail.Subject,
            Body = mail.Body,
            IsBodyHtml = false,
            BodyEncoding = System.Text.Encoding.UTF8,
            SubjectEncoding = System.Text.Encoding.UTF8,
        };
}

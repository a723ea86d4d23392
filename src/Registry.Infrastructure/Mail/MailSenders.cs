using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Registry.Infrastructure.Mail;

/// <summary>One e-mail ready to leave the registry; <paramref name="Id"/> (the outbox row's) makes its Message-Id and file name.</summary>
/// <summary>A rendered message: the same words as plain text and as HTML, and the files it carries (a decision letter).</summary>
public sealed record OutgoingMail(Guid Id, string To, string Subject, string Text, string Html, IReadOnlyList<MailAttachment>? Attachments = null);

/// <summary>A file sent with an e-mail.</summary>
public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>Hands an e-mail to the mail system; throws when it cannot.</summary>
public interface IMailSender
{
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
}

/// <summary>
/// Writes each e-mail as an .eml file into a folder, for development and for servers without SMTP. The file is
/// written under a temporary name and then renamed, so a pickup service never sees half a message; the name is
/// the message's id, so writing the same message again replaces its file instead of adding a second one.
/// </summary>
public sealed class PickupFolderMailSender(MailOptions options, TimeProvider clock) : IMailSender
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(options.PickupDirectory);
        var final = Path.Combine(options.PickupDirectory, $"{mail.Id:N}.eml");
        var temporary = Path.Combine(options.PickupDirectory, $".{mail.Id:N}.{Guid.NewGuid():N}.tmp");
        try
        {
            using var message = MailFormat.Message(options.From, mail, clock.GetUtcNow());
            message.Prepare(EncodingConstraint.SevenBit); // as a relay would get it: quoted-printable where needed, short lines
            await message.WriteToAsync(temporary, cancellationToken);
            File.Move(temporary, final, overwrite: true);
        }
        finally
        {
            File.Delete(temporary); // only still there when writing failed
        }
    }
}

/// <summary>Sends through an SMTP relay (<c>Mail:Smtp:*</c>) with MailKit, one connection per message.</summary>
public sealed class SmtpMailSender(MailOptions options, TimeProvider clock) : IMailSender
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        using var message = MailFormat.Message(options.From, mail, clock.GetUtcNow());
        using var client = new SmtpClient { Timeout = (int)options.SmtpTimeout.TotalMilliseconds };
        await client.ConnectAsync(options.SmtpHost ?? throw new InvalidOperationException("Mail:Smtp:Host is not set."), options.SmtpPort, options.SmtpSecurity switch
        {
            SmtpSecurity.None => SecureSocketOptions.None,
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.StartTls,
        }, cancellationToken);
        if (!string.IsNullOrEmpty(options.SmtpUserName))
            await client.AuthenticateAsync(options.SmtpUserName, options.SmtpPassword ?? "", cancellationToken);
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}

internal static class MailFormat
{
    public static MimeMessage Message(string from, OutgoingMail mail, DateTimeOffset date)
    {
        var sender = MailboxAddress.Parse(from);
        MimeEntity body = new MultipartAlternative
        {
            new TextPart(MimeKit.Text.TextFormat.Plain) { Text = mail.Text },
            new TextPart(MimeKit.Text.TextFormat.Html) { Text = mail.Html },
        };
        if (mail.Attachments is { Count: > 0 } attachments)
        {
            var mixed = new Multipart("mixed") { body };
            foreach (var attachment in attachments)
                mixed.Add(new MimePart(ContentType.Parse(attachment.ContentType))
                {
                    Content = new MimeContent(new MemoryStream(attachment.Content)),
                    ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
                    ContentTransferEncoding = ContentEncoding.Base64,
                    FileName = attachment.FileName,
                });
            body = mixed;
        }
        return new MimeMessage([sender], [MailboxAddress.Parse(mail.To)], mail.Subject, body)
        {
            MessageId = $"{mail.Id:N}@{sender.Domain}",
            Date = date,
        };
    }
}

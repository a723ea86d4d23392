using System.Text;
using MimeKit;
using Registry.Domain.Notifications;
using Registry.Infrastructure.Mail;

using Registry.Testing;

namespace Registry.Web.Tests.Mail;

/// <summary>The outbox sending through MailKit to a real (tiny) SMTP server on the loopback interface.</summary>
[Collection(nameof(WebCollection))]
public sealed class SmtpDeliveryTests(WebFixture fixture) : OutboxTest(fixture)
{
    [Theory]
    [InlineData(FakeSmtpServer.RefusalPoint.MailFrom)]
    [InlineData(FakeSmtpServer.RefusalPoint.EndOfData)]
    public async Task An_SMTP_server_that_refuses_then_accepts_gets_the_message_once_after_the_retry(FakeSmtpServer.RefusalPoint refuseAt)
    {
        await using var smtp = new FakeSmtpServer(refusals: 1, refuseAt);
        var sender = new SmtpMailSender(new MailOptions { SmtpHost = "127.0.0.1", SmtpPort = smtp.Port, SmtpSecurity = SmtpSecurity.None }, Clock);
        var queued = Assert.Single(await QueueAsync(1));

        Assert.Equal(0, await DispatchAsync(sender));
        Assert.Equal((1, 0), (smtp.Refused, smtp.Delivered.Count));
        var refused = Assert.Single(await OutboxAsync());
        Assert.Equal((1, (DateTimeOffset?)null), (refused.Attempts, refused.SentAt));
        Assert.Contains("try again later", refused.LastError);

        Assert.Equal(0, await DispatchAsync(sender)); // the backoff is not over: no connection at all
        Assert.Equal(1, smtp.Connections);

        Clock.Advance(Notification.RetryDelay(1));
        Assert.Equal(1, await DispatchAsync(sender));
        Assert.Equal(0, await DispatchAsync(sender));

        var delivered = Assert.Single(smtp.Delivered);
        using var message = await MimeMessage.LoadAsync(new MemoryStream(Encoding.Latin1.GetBytes(delivered)));
        Assert.Equal(TestMessages.SubjectOf("Message 1"), message.Subject);
        Assert.Equal("peer1@test.example", Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal($"{queued.Id:N}@registry.example", message.MessageId);
        Assert.Contains("Message 1 is now approved", message.TextBody);
        Assert.Contains("http://localhost:5080/Employers", message.HtmlBody);
        Assert.Equal(2, smtp.Connections);

        var sent = Assert.Single(await OutboxAsync());
        Assert.Equal((2, (string?)null, (DateTimeOffset?)null), (sent.Attempts, sent.LastError, sent.FailedAt));
        Assert.NotNull(sent.SentAt);
    }
}

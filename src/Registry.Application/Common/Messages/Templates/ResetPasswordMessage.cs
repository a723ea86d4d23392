namespace Registry.Application.Common.Messages.Templates;

/// <summary>A password reset that someone asked for.</summary>
public sealed record ResetPasswordMessage(string Link) : IMessage
{
    public static string Template => "reset-password";
}

internal sealed class ResetPasswordTemplate : MessageTemplate<ResetPasswordMessage>
{
    protected override MessageContent Compose(ResetPasswordMessage m, MessageLinks links) => new(
        "Reset your Peer Specialist Registry password",
        [
            new Paragraph("Someone, we hope you, asked to reset the password of your Peer Specialist Registry account."),
            new MessageLink("Choose a new password here", m.Link),
            new Paragraph("If you did not ask for this, ignore this message; your password stays as it is."),
        ]);
}

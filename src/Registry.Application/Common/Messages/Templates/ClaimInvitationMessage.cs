namespace Registry.Application.Common.Messages.Templates;

/// <summary>A holder whose record came from the state's old system is invited to create their account; the link works once.</summary>
public sealed record ClaimInvitationMessage(string Name, string State, string Number, string Program, string Link, DateOnly LinkWorksUntil) : IMessage
{
    public static string Template => "claim-invitation";
}

internal sealed class ClaimInvitationTemplate : MessageTemplate<ClaimInvitationMessage>
{
    protected override MessageContent Compose(ClaimInvitationMessage m, MessageLinks links) => new(
        $"Your {m.Program} record is now in the Peer Specialist Registry",
        [
            Hello(m.Name),
            new Paragraph($"{m.State} now keeps its peer specialist register in the Peer Specialist Registry. Your record from the state's old system is here: credential {m.Number}, {m.Program}."),
            new Paragraph("Create your account to see your credential, keep your details up to date and renew online. You will confirm this e-mail address and choose a password."),
            new MessageLink("Create your account", m.Link),
            new Paragraph($"The link works once, until {Day(m.LinkWorksUntil)}. If you did not expect this e-mail, you can ignore it: nothing changes until the link is used."),
        ]);
}

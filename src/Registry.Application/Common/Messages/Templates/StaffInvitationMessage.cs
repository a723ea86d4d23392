namespace Registry.Application.Common.Messages.Templates;

/// <summary>A state's administrator invited a reviewer; the link sets their first password.</summary>
public sealed record StaffInvitationMessage(string Name, string State, string Link) : IMessage
{
    public static string Template => "staff-invitation";
}

internal sealed class StaffInvitationTemplate : MessageTemplate<StaffInvitationMessage>
{
    protected override MessageContent Compose(StaffInvitationMessage m, MessageLinks links) => new(
        "You are invited to review applications in the Peer Specialist Registry",
        [
            Hello(m.Name),
            new Paragraph($"You have been invited to review peer specialist applications for {m.State} in the Peer Specialist Registry."),
            new MessageLink("Choose your password here to start", m.Link),
        ]);
}

namespace Registry.Application.Common.Messages.Templates;

/// <summary>A state's administrator invited a reviewer, or a SystemAdmin a state's administrator; the link sets their first password.</summary>
public sealed record StaffInvitationMessage(string Name, string State, string Link, bool Administrator = false) : IMessage
{
    public static string Template => "staff-invitation";
}

internal sealed class StaffInvitationTemplate : MessageTemplate<StaffInvitationMessage>
{
    protected override MessageContent Compose(StaffInvitationMessage m, MessageLinks links) => m.Administrator
        ? new($"You are invited to run {m.State}'s certification in the Peer Specialist Registry",
        [
            Hello(m.Name),
            new Paragraph($"You have been invited to be an administrator for {m.State} in the Peer Specialist Registry: its programs, its reviewers and its board's contact details."),
            new MessageLink("Choose your password here to start", m.Link),
        ])
        : new("You are invited to review applications in the Peer Specialist Registry",
        [
            Hello(m.Name),
            new Paragraph($"You have been invited to review peer specialist applications for {m.State} in the Peer Specialist Registry."),
            new MessageLink("Choose your password here to start", m.Link),
        ]);
}

namespace Registry.Application.Common.Messages.Templates;

public sealed record EmployerApprovedMessage(string Employer) : IMessage
{
    public static string Template => "employer-approved";
}

internal sealed class EmployerApprovedTemplate : MessageTemplate<EmployerApprovedMessage>
{
    protected override MessageContent Compose(EmployerApprovedMessage m, MessageLinks links) => new(
        $"{m.Employer} is approved to verify credentials",
        [
            new Paragraph("Hello,"),
            new Paragraph($"{m.Employer} is now approved on the Peer Specialist Registry. Sign in to create API keys, verify rosters and keep a watch-list of your staff's credentials."),
            new MessageLink("Your organisation's page", links.To("/Employers")),
        ]);
}

using Registry.Domain.Credentials;

namespace Registry.Application.Common.Messages.Templates;

/// <summary>Credentials on an employer's watch-list changed: public facts only, never the decision's notes.</summary>
public sealed record WatchListChangeMessage(string Employer, IReadOnlyList<WatchListChangeMessage.Change> Changes) : IMessage
{
    public static string Template => "watch-list-change";

    public sealed record Change(string Number, string HolderName, CredentialEventKind Kind, CredentialStatus Status, DateOnly EffectiveOn)
    {
        /// <summary>For an endorsement granted or withdrawn: its code (never why).</summary>
        public string? Endorsement { get; init; }
    }
}

internal sealed class WatchListChangeTemplate : MessageTemplate<WatchListChangeMessage>
{
    protected override MessageContent Compose(WatchListChangeMessage m, MessageLinks links) => new(
        m.Changes.Count == 1 ? $"Watch-list: {m.Changes[0].Number} {Describe(m.Changes[0])}" : $"Watch-list: {m.Changes.Count} credentials changed",
        [
            new Paragraph("Hello,"),
            new Paragraph($"{(m.Changes.Count == 1 ? "A credential" : $"{m.Changes.Count} credentials")} on {m.Employer}'s watch-list changed:"),
            new BulletList(m.Changes.Select(c =>
                $"{c.Number}, {c.HolderName}: {Describe(c)} on {Day(c.EffectiveOn)}; now {c.Status.ToString().ToLowerInvariant()}.").ToList()),
            new MessageLink("See your recent changes and look up the public records", links.To("/Employers/Changes")),
        ]);

    private static string Describe(WatchListChangeMessage.Change change) => change.Kind switch
    {
        CredentialEventKind.EndorsementGranted => $"endorsement {change.Endorsement} granted",
        CredentialEventKind.EndorsementWithdrawn => $"endorsement {change.Endorsement} withdrawn",
        CredentialEventKind.ProbationStarted => "placed on probation",
        CredentialEventKind.ProbationEnded => "probation ended",
        var kind => kind.ToString().ToLowerInvariant(),
    };
}

using System.Globalization;
using System.Text.Json;

namespace Registry.Application.Common.Messages;

/// <summary>One kind of message in one language: words the facts of <typeparamref name="TMessage"/>.</summary>
public abstract class MessageTemplate<TMessage> : IMessageTemplate where TMessage : IMessage
{
    protected static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    public string Name => TMessage.Template;

    public virtual string Language => "en";

    public MessageContent Compose(string payload, MessageLinks links) =>
        Compose(JsonSerializer.Deserialize<TMessage>(payload, Outbox.Json)
            ?? throw new InvalidOperationException($"The {Name} message has no facts to word."), links);

    protected abstract MessageContent Compose(TMessage message, MessageLinks links);

    /// <summary>A date as people read it: March 2, 2026.</summary>
    protected static string Day(DateOnly date) => date.ToString("MMMM d, yyyy", English);

    protected static Paragraph Hello(string name) => new($"Hello {name},");

    /// <summary>Adds the board's contact to a decision's message, when the message carries one and the state gave a way to reach it.</summary>
    protected static void AddBoard(List<MessageBlock> blocks, BoardContactDetails? board)
    {
        if (board?.Sentence() is { } sentence) blocks.Add(new Paragraph(sentence));
    }
}

public interface IMessageTemplate
{
    string Name { get; }
    string Language { get; }
    MessageContent Compose(string payload, MessageLinks links);
}

/// <summary>Where the registry is, for links to its pages.</summary>
public sealed record MessageLinks(string PublicBaseUrl)
{
    public string To(string path) => PublicBaseUrl.TrimEnd('/') + path;
}

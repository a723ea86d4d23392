using System.Net;
using System.Text;

namespace Registry.Application.Common.Messages;

/// <summary>A part of a message's body; each is written once and rendered both as plain text and as HTML.</summary>
public abstract record MessageBlock;

public sealed record Paragraph(string Text) : MessageBlock;

public sealed record BulletList(IReadOnlyList<string> Items) : MessageBlock;

/// <summary>A link with the words that say where it goes.</summary>
public sealed record MessageLink(string Text, string Url) : MessageBlock;

/// <summary>What a template says: a subject and the body's blocks.</summary>
public sealed record MessageContent(string Subject, IReadOnlyList<MessageBlock> Blocks)
{
    public RenderedMessage Render(string language) => new(Subject, Text(), Html(language));

    private string Text()
    {
        var text = new StringBuilder();
        foreach (var block in Blocks)
        {
            if (text.Length > 0) text.Append('\n');
            switch (block)
            {
                case Paragraph p: text.Append(p.Text).Append('\n'); break;
                case BulletList list: list.Items.ToList().ForEach(item => text.Append("- ").Append(item).Append('\n')); break;
                case MessageLink link: text.Append(link.Text).Append(":\n").Append(link.Url).Append('\n'); break;
            }
        }
        return text.ToString();
    }

    private string Html(string language)
    {
        static string E(string value) => WebUtility.HtmlEncode(value);
        var html = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"").Append(E(language)).Append("\">\n<head><meta charset=\"utf-8\"><title>")
            .Append(E(Subject)).Append("</title></head>\n<body>\n");
        foreach (var block in Blocks)
        {
            switch (block)
            {
                case Paragraph p: html.Append("<p>").Append(E(p.Text).Replace("\n", "<br>")).Append("</p>\n"); break;
                case BulletList list: html.Append("<ul>").AppendJoin("", list.Items.Select(i => $"<li>{E(i)}</li>")).Append("</ul>\n"); break;
                case MessageLink link: html.Append("<p><a href=\"").Append(E(link.Url)).Append("\">").Append(E(link.Text)).Append("</a></p>\n"); break;
            }
        }
        return html.Append("</body>\n</html>\n").ToString();
    }
}

/// <summary>A message ready to send or show: its subject, a plain-text body and an HTML body that say the same.</summary>
public sealed record RenderedMessage(string Subject, string Text, string Html);

using Registry.Application.Common.Messages;

namespace Registry.Application.Common.Interfaces;

/// <summary>Lays a decision letter out as an accessible PDF; the words are written by the Application (<c>DecisionLetters</c>).</summary>
public interface IDecisionLetterRenderer
{
    byte[] Render(LetterText letter);
}

/// <summary>
/// Everything a decision letter says, in reading order: the board's letterhead, the date, to whom, what it is about
/// (application or credential, by number), a heading, the body, and the board's signature.
/// </summary>
/// <param name="Title">The document's title, as a screen reader and the viewer's title bar show it.</param>
public sealed record LetterText(string Title, BoardContactDetails Board, DateOnly Date, string RecipientName,
    IReadOnlyList<LetterReference> References, string Heading, IReadOnlyList<string> Body);

/// <summary>One line of what the letter is about, such as "Credential number: TX-CPS-000123".</summary>
public sealed record LetterReference(string Label, string Value);

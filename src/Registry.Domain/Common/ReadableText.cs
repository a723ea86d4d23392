using System.Buffers;
using System.Globalization;
using System.Text;

namespace Registry.Domain.Common;

/// <summary>
/// Names and other text people read on records: no control characters, non-characters, text-direction overrides or
/// isolates, zero-width characters or lone surrogates (each can hide or disguise what a name says), stored in NFC so
/// one name is spelled one way.
/// </summary>
public static class ReadableText
{
    public const string Unreadable = "Type this again without hidden or control characters (such as zero-width spaces or text-direction marks).";

    public static bool IsReadable(string text)
    {
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out var rune, out var used) != OperationStatus.Done || IsHiddenOrControl(rune)) return false;
            rest = rest[used..];
        }
        return true;
    }

    /// <summary>Trimmed and in NFC; text that is not readable is refused (validators refuse it first, with a field error).</summary>
    public static string Normalise(string text) =>
        IsReadable(text) ? text.Trim().Normalize(NormalizationForm.FormC) : throw new DomainRuleException(Unreadable);

    private static bool IsHiddenOrControl(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
        || rune.Value is >= 0xFDD0 and <= 0xFDEF || (rune.Value & 0xFFFE) == 0xFFFE // the non-characters
        || rune.Value is >= 0x202A and <= 0x202E or >= 0x2066 and <= 0x2069 or 0x200E or 0x200F or 0x061C // direction overrides, isolates and marks
        || rune.Value is >= 0x200B and <= 0x200D or 0x2060 or 0xFEFF; // zero-width space, non-joiner, joiner, word joiner, BOM
}

namespace Registry.Infrastructure.Exports;

/// <summary>
/// Text as a workbook can carry it. XML 1.0 forbids most control characters, U+FFFE, U+FFFF and a half of a
/// surrogate pair, and one such character in one cell would fail the whole file; each is written as U+FFFD (�)
/// instead, so the reader sees that something unprintable was there. Other control characters (DEL, C1) go the
/// same way: XML allows them, but they are never text a person typed. Tab and line breaks stay.
/// </summary>
internal static class XmlText
{
    public const char Unprintable = '\uFFFD';

    public static string Safe(string value)
    {
        var first = FirstUnsafe(value);
        if (first < 0) return value;
        var chars = value.ToCharArray();
        for (var i = first; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1])) { i++; continue; }
            if (!IsSafe(chars[i])) chars[i] = Unprintable;
        }
        return new string(chars);
    }

    private static int FirstUnsafe(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) { i++; continue; }
            if (!IsSafe(value[i])) return i;
        }
        return -1;
    }

    /// <summary>A character that is safe on its own (a surrogate never is: only a whole pair is).</summary>
    private static bool IsSafe(char c) =>
        c is '\t' or '\n' or '\r' || !(char.IsControl(c) || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF');
}

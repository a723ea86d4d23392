using System.Text;

namespace Registry.Infrastructure.Exports.StateData;

/// <summary>
/// CSV as RFC 4180 writes it (comma, CRLF, a cell quoted when it holds a comma, a quote or a line break), with text
/// that a spreadsheet would run as a formula (it begins with =, +, -, @, a tab or a carriage return) written after an
/// apostrophe, so that opening the file never runs it; characters a person never types become U+FFFD as
/// <see cref="XmlText.Safe"/> does.
/// </summary>
public static class CsvText
{
    public const char FormulaGuard = '\'';

    /// <summary>The cell a text value becomes (before quoting); numbers and dates are written as they are.</summary>
    public static string SafeText(string value)
    {
        var safe = XmlText.Safe(value);
        return safe.Length > 0 && safe[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? FormulaGuard + safe : safe;
    }

    public static async Task WriteLineAsync(TextWriter writer, IEnumerable<string?> cells)
    {
        var line = new StringBuilder();
        var first = true;
        foreach (var cell in cells)
        {
            if (!first) line.Append(',');
            first = false;
            if (cell is null) continue;
            if (cell.AsSpan().IndexOfAny(",\"\r\n") >= 0) line.Append('"').Append(cell.Replace("\"", "\"\"")).Append('"');
            else line.Append(cell);
        }
        line.Append("\r\n");
        await writer.WriteAsync(line);
    }
}

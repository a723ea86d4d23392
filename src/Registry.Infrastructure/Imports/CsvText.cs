using System.Text;

namespace Registry.Infrastructure.Imports;

/// <summary>
/// RFC 4180 CSV: fields separated by commas, quoted fields may hold commas, line breaks and doubled quotes;
/// records end with CRLF or LF. Each record keeps the line number it starts on, for messages about rows.
/// </summary>
internal static class CsvText
{
    public static IReadOnlyList<(int Line, IReadOnlyList<string> Fields)> Parse(string text)
    {
        var records = new List<(int, IReadOnlyList<string>)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        var any = false;

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else { if (c == '\n') line++; field.Append(c); }
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    any = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    any = true;
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    break; // the LF that follows ends the record
                case '\n' or '\r':
                    fields.Add(field.ToString());
                    records.Add((recordLine, fields));
                    fields = [];
                    field.Clear();
                    any = false;
                    recordLine = ++line;
                    break;
                default:
                    field.Append(c);
                    any = true;
                    break;
            }
        }
        if (any || field.Length > 0)
        {
            fields.Add(field.ToString());
            records.Add((recordLine, fields));
        }
        return records;
    }
}

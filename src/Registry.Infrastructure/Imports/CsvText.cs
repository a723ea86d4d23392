using System.Text;

namespace Registry.Infrastructure.Imports;

/// <summary>
/// RFC 4180 CSV: fields separated by commas, quoted fields may hold commas, line breaks and doubled quotes;
/// records end with CRLF or LF. A record is a row, as a spreadsheet opening the file would show it.
/// </summary>
internal static class CsvText
{
    public static IReadOnlyList<IReadOnlyList<string>> Parse(string text)
    {
        var records = new List<IReadOnlyList<string>>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var any = false;

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
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
                    records.Add(fields);
                    fields = [];
                    field.Clear();
                    any = false;
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
            records.Add(fields);
        }
        return records;
    }
}

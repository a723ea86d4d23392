using System.Text;

namespace Registry.Infrastructure.Imports;

/// <summary>
/// RFC 4180 CSV read record by record: fields separated by commas, quoted fields may hold commas, line breaks and
/// doubled quotes; records end with CRLF or LF. A record is a row, as a spreadsheet opening the file would show it.
/// Only one record is held at a time; UTF-8 only (a BOM is skipped), and a NUL means the file is not text.
/// </summary>
internal sealed class CsvRows(ImportLimits limits)
{
    public IEnumerable<SheetRow> Read(byte[] content)
    {
        var budget = new SpreadsheetRows.Budget(limits);
        using var text = new StreamReader(new MemoryStream(content, writable: false), new UTF8Encoding(false, throwOnInvalidBytes: true),
            detectEncodingFromByteOrderMarks: false, bufferSize: 16 * 1024);
        if (text.Peek() == '\uFEFF') text.Read();

        var cells = new List<SheetCell>();
        var field = new StringBuilder();
        var row = 1;
        var column = 1;
        var quoted = false;
        var any = false;

        void EndField()
        {
            budget.Cell(row, column);
            if (field.Length > 0) cells.Add(new SheetCell(row, column, field.ToString()));
            field.Clear();
            column++;
        }

        void Append(char c)
        {
            if (c == '\0') throw new ImportRefusedException(SpreadsheetRows.NotASheet);
            if (field.Length == SpreadsheetRows.MaxCellCharacters) throw SpreadsheetRows.Budget.CellTooLong(row, column);
            field.Append(c);
        }

        int next;
        while ((next = text.Read()) >= 0)
        {
            var c = (char)next;
            if (quoted)
            {
                if (c == '"' && text.Peek() == '"') { Append('"'); text.Read(); }
                else if (c == '"') quoted = false;
                else Append(c);
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    any = true;
                    break;
                case ',':
                    EndField();
                    any = true;
                    break;
                case '\r' when text.Peek() == '\n':
                    break; // the LF that follows ends the record
                case '\n' or '\r':
                    budget.Row();
                    EndField();
                    yield return new SheetRow(row, cells);
                    cells = [];
                    row++;
                    column = 1;
                    any = false;
                    break;
                default:
                    Append(c);
                    any = true;
                    break;
            }
        }
        if (any || field.Length > 0)
        {
            budget.Row();
            EndField();
            yield return new SheetRow(row, cells);
        }
    }
}

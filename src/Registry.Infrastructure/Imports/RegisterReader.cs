using Registry.Application.Common.Interfaces;

namespace Registry.Infrastructure.Imports;

/// <summary>
/// A state's earlier register: an .xlsx workbook or CSV text read by <see cref="SpreadsheetRows"/> (so within the
/// import limits, rows streamed). Row 1 names the columns of <see cref="RegisterColumns"/>, in any order.
/// </summary>
internal sealed class RegisterReader(ImportLimits limits) : IRegisterReader
{
    public RegisterSheet Check(byte[] content)
    {
        if (content.Length == 0) return new RegisterSheet(0, "The file is empty.");
        try
        {
            using var rows = new SpreadsheetRows(limits).Read(content).GetEnumerator();
            if (!SpreadsheetRows.FirstRow(rows, out var first)) return new RegisterSheet(0, SpreadsheetRows.Empty(content));
            if (first.Number != 1) return new RegisterSheet(0, NoHeader);
            var (_, missing) = Columns(first);
            if (missing.Count > 0)
                return new RegisterSheet(0, $"The file's first row does not name {(missing.Count == 1 ? "the column" : "the columns")} {string.Join(", ", missing.Select(m => $"'{m}'"))}. {Expected}");
            var count = 0;
            while (rows.MoveNext())
                if (!rows.Current.IsBlank) count++;
            return new RegisterSheet(count);
        }
        catch (ImportRefusedException e)
        {
            return new RegisterSheet(0, e.Message, IsRefusedUnread: true);
        }
    }

    public IEnumerable<RegisterRow> Rows(byte[] content)
    {
        using var rows = new SpreadsheetRows(limits).Read(content).GetEnumerator();
        if (!SpreadsheetRows.FirstRow(rows, out var first)) yield break;
        var (columns, _) = Columns(first);
        while (rows.MoveNext())
        {
            var row = rows.Current;
            if (row.IsBlank) continue;
            var cells = new Dictionary<string, RegisterCell>(columns.Count);
            foreach (var (name, index) in columns)
                if (row.Cell(index + 1) is { } cell) cells[name] = new RegisterCell(cell.Text, cell.Date);
            yield return new RegisterRow(row.Number, cells);
        }
    }

    private const string NoHeader = "The file's first row must name its columns.";

    private static readonly string Expected =
        $"A register file needs the columns {string.Join(", ", RegisterColumns.All.Where(c => c.Required).Select(c => $"'{c.Name}'"))}; download the template to see them all.";

    /// <summary>Where each known column is (zero-based), and the required ones the header does not name.</summary>
    private static (Dictionary<string, int> Found, List<string> Missing) Columns(SheetRow header)
    {
        var keys = SpreadsheetRows.Names(header).Select(RegisterColumns.Key).ToList();
        var found = new Dictionary<string, int>();
        foreach (var (name, _, aliases) in RegisterColumns.All)
        {
            var index = keys.FindIndex(k => k.Length > 0 && (k == RegisterColumns.Key(name) || aliases.Any(a => RegisterColumns.Key(a) == k)));
            if (index >= 0) found[name] = index;
        }
        return (found, RegisterColumns.All.Where(c => c.Required && !found.ContainsKey(c.Name)).Select(c => c.Name).ToList());
    }
}

using System.Text;
using System.Xml;

namespace Registry.Infrastructure.Imports;

/// <summary>
/// The rows of an uploaded spreadsheet, an .xlsx workbook (a zip, so it starts with PK\x03\x04) or CSV text, told
/// apart by content. Rows come one at a time and nothing but the workbook's shared strings is kept, so what a read
/// holds stays small whatever the file unpacks to; every limit of <see cref="ImportLimits"/>, and Excel's own (16,384
/// columns, 32,767 characters a cell), is counted as the file is read, and the first one passed ends the read with an
/// <see cref="ImportRefusedException"/> saying which. A file that is not a spreadsheet at all is refused the same way.
/// </summary>
public sealed class SpreadsheetRows(ImportLimits limits)
{
    public const int MaxColumns = 16_384;
    public const int MaxCellCharacters = 32_767;
    public const string NotAWorkbook = "The file looks like a zip archive but is not a readable Excel workbook (.xlsx).";
    public const string NotASheet = "The file is neither an Excel workbook (.xlsx) nor a CSV text file.";

    public static bool IsWorkbook(ReadOnlySpan<byte> content) => content is [0x50, 0x4B, 0x03, 0x04, ..];

    /// <summary>The first worksheet's rows (or the CSV file's records), read as they are asked for.</summary>
    public IEnumerable<SheetRow> Read(byte[] content)
    {
        var workbook = IsWorkbook(content);
        using var rows = (workbook ? new WorkbookRows(limits).Read(content) : new CsvRows(limits).Read(content)).GetEnumerator();
        while (true)
        {
            bool more;
            try
            {
                more = rows.MoveNext();
            }
            catch (Exception e) when (e is XmlException or InvalidDataException or DecoderFallbackException or FormatException)
            {
                // Damaged or not a spreadsheet: the sender's file, not the registry's fault.
                throw new ImportRefusedException(workbook ? NotAWorkbook : NotASheet);
            }
            if (!more) yield break;
            yield return rows.Current;
        }
    }

    /// <summary>The first row with any text (the header, if it is row 1); false when the file has none.</summary>
    public static bool FirstRow(IEnumerator<SheetRow> rows, out SheetRow first)
    {
        while (rows.MoveNext())
            if (!rows.Current.IsBlank) { first = rows.Current; return true; }
        first = null!;
        return false;
    }

    /// <summary>What to say of a file with no text in it.</summary>
    public static string Empty(byte[] content) => IsWorkbook(content) ? "The workbook is empty." : "The file is empty.";

    /// <summary>A header row's texts by column, from A (index 0) to its last cell; a blank column is "".</summary>
    public static IReadOnlyList<string> Names(SheetRow header)
    {
        var names = new string[header.Cells.Count == 0 ? 0 : header.Cells.Max(c => c.Column)];
        Array.Fill(names, "");
        foreach (var cell in header.Cells) names[cell.Column - 1] = cell.Text;
        return names;
    }

    /// <summary>Counts rows and cells against the limits as they are read.</summary>
    internal sealed class Budget(ImportLimits limits)
    {
        private int _rows;
        private long _cells;

        public void Row()
        {
            if (++_rows > limits.MaxRows)
                throw new ImportRefusedException($"The file has more than {limits.MaxRows:N0} rows; the registry reads no further. Split it into smaller files.");
        }

        public void Cell(int row, int column)
        {
            if (++_cells > limits.MaxCells)
                throw new ImportRefusedException($"The file has more than {limits.MaxCells:N0} cells; the registry read no further than row {row:N0}. Split it into smaller files.");
            if (column > MaxColumns)
                throw new ImportRefusedException($"Row {row:N0} has more than {MaxColumns:N0} columns, more than a spreadsheet can.");
        }

        /// <summary>Refuses a cell (or, at row 0, a shared text) longer than a spreadsheet cell can be.</summary>
        public static ImportRefusedException CellTooLong(int row, int column) =>
            new($"{(row > 0 ? $"Cell {new SheetCell(row, column, "").Reference}" : "A text in the workbook")} holds more than {MaxCellCharacters:N0} characters, more than a spreadsheet cell can.");
    }
}

using System.Globalization;

namespace Registry.Infrastructure.Imports;

/// <summary>One row of a sheet or CSV file as found: its number (the first row is 1) and its non-blank cells, in column order.</summary>
public sealed record SheetRow(int Number, IReadOnlyList<SheetCell> Cells)
{
    /// <summary>The cell in a column (1 is A), if the row has one.</summary>
    public SheetCell? Cell(int column)
    {
        foreach (var cell in Cells)
            if (cell.Column == column) return cell;
        return null;
    }

    public bool IsBlank => Cells.All(c => string.IsNullOrWhiteSpace(c.Text));
}

/// <summary>
/// A cell's text as written (numbers in invariant form, 85.5); <see cref="Date"/> is set when the workbook formats
/// it as a date. <see cref="Reference"/> (e.g. C12) names it in a message.
/// </summary>
public sealed record SheetCell(int Row, int Column, string Text, DateOnly? Date = null)
{
    public string Reference => ColumnName(Column) + Row.ToString(CultureInfo.InvariantCulture);

    /// <summary>A column's letters: 1 is A, 27 is AA.</summary>
    public static string ColumnName(int column)
    {
        var name = "";
        for (var c = column; c > 0; c = (c - 1) / 26) name = (char)('A' + (c - 1) % 26) + name;
        return name;
    }
}

using Registry.Domain.Common;

namespace Registry.Domain.Workforce;

/// <summary>
/// A table of non-negative counts as it is published: the cells, each row's total, each column's total and the
/// grand total. Figures are placed on one grid with the totals last: row <see cref="RowCount"/> holds the column
/// totals, column <see cref="ColumnCount"/> the row totals, and their corner the grand total. A cell may be left out
/// where nobody can be counted (a program a state does not offer): it is no figure, neither published nor hidden.
/// </summary>
public sealed class CountTable
{
    private readonly int[,] grid;
    private readonly bool[,] leftOut;

    public CountTable(string title, IReadOnlyList<string> rowLabels, IReadOnlyList<string> columnLabels, int[,] cells)
        : this(title, rowLabels, columnLabels, Optional(cells)) { }

    /// <param name="cells">The counts; null for a cell left out.</param>
    public CountTable(string title, IReadOnlyList<string> rowLabels, IReadOnlyList<string> columnLabels, int?[,] cells)
    {
        if (cells.GetLength(0) != rowLabels.Count || cells.GetLength(1) != columnLabels.Count)
            throw new DomainRuleException("A count table needs one label for each row and each column.");
        Title = title;
        RowLabels = rowLabels;
        ColumnLabels = columnLabels;
        grid = new int[RowCount + 1, ColumnCount + 1];
        leftOut = new bool[RowCount + 1, ColumnCount + 1];
        for (var row = 0; row < RowCount; row++)
            for (var column = 0; column < ColumnCount; column++)
            {
                if (cells[row, column] is not { } count)
                {
                    leftOut[row, column] = true;
                    continue;
                }
                if (count < 0) throw new DomainRuleException("A count cannot be negative.");
                grid[row, column] = count;
                grid[row, ColumnCount] += count;
                grid[RowCount, column] += count;
                grid[RowCount, ColumnCount] += count;
            }
        // The total of a row or column with no cells is no count either: it is nobody by definition.
        for (var row = 0; row < RowCount; row++)
            leftOut[row, ColumnCount] = Enumerable.Range(0, ColumnCount).All(column => leftOut[row, column]);
        for (var column = 0; column < ColumnCount; column++)
            leftOut[RowCount, column] = Enumerable.Range(0, RowCount).All(row => leftOut[row, column]);
        leftOut[RowCount, ColumnCount] = Enumerable.Range(0, RowCount).All(row => leftOut[row, ColumnCount]);
    }

    public string Title { get; }
    public IReadOnlyList<string> RowLabels { get; }
    public IReadOnlyList<string> ColumnLabels { get; }
    public int RowCount => RowLabels.Count;
    public int ColumnCount => ColumnLabels.Count;

    /// <summary>The figure at a grid place: a cell, a row total (column = <see cref="ColumnCount"/>), a column total (row = <see cref="RowCount"/>) or the grand total.</summary>
    public int this[TableFigure figure] => grid[figure.Row, figure.Column];

    /// <summary>Whether the place holds a figure at all (false for a cell left out, and for the total of a row or column of such cells).</summary>
    public bool IsFigure(TableFigure figure) => !leftOut[figure.Row, figure.Column];

    public TableFigure RowTotal(int row) => new(row, ColumnCount);
    public TableFigure ColumnTotal(int column) => new(RowCount, column);
    public TableFigure GrandTotal => new(RowCount, ColumnCount);

    /// <summary>Every published figure, cells and totals, in reading order (row by row, totals last).</summary>
    public IEnumerable<TableFigure> Figures()
    {
        for (var row = 0; row <= RowCount; row++)
            for (var column = 0; column <= ColumnCount; column++)
                if (!leftOut[row, column]) yield return new TableFigure(row, column);
    }

    /// <summary>
    /// The sums a reader can use: each grid row's figures add up to its last figure, and each grid column's to its
    /// last (the totals row and column included, so the totals add up to the grand total both ways).
    /// Each equation lists its figures with coefficient +1, and its total with −1; cells left out are zero, so absent.
    /// </summary>
    public IEnumerable<IReadOnlyList<(TableFigure Figure, int Coefficient)>> Sums()
    {
        for (var row = 0; row <= RowCount; row++)
            yield return [.. Enumerable.Range(0, ColumnCount).Select(c => new TableFigure(row, c)).Where(IsFigure).Select(f => (f, 1)), .. Total(RowTotal(row))];
        for (var column = 0; column <= ColumnCount; column++)
            yield return [.. Enumerable.Range(0, RowCount).Select(r => new TableFigure(r, column)).Where(IsFigure).Select(f => (f, 1)), .. Total(ColumnTotal(column))];
    }

    private IEnumerable<(TableFigure, int)> Total(TableFigure total) => IsFigure(total) ? [(total, -1)] : [];

    private static int?[,] Optional(int[,] cells)
    {
        var optional = new int?[cells.GetLength(0), cells.GetLength(1)];
        for (var row = 0; row < cells.GetLength(0); row++)
            for (var column = 0; column < cells.GetLength(1); column++)
                optional[row, column] = cells[row, column];
        return optional;
    }
}

/// <summary>A place on a <see cref="CountTable"/>'s grid; ordered by reading order, which breaks ties in suppression.</summary>
public readonly record struct TableFigure(int Row, int Column) : IComparable<TableFigure>
{
    public int CompareTo(TableFigure other) => (Row, Column).CompareTo((other.Row, other.Column));
}

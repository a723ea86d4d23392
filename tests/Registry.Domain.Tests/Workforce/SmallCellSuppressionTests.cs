using Registry.Domain.Workforce;

namespace Registry.Domain.Tests.Workforce;

/// <summary>Small cells and every figure that would give one away stay hidden; nothing else needs to be.</summary>
public class SmallCellSuppressionTests
{
    [Fact]
    public void Over_thousands_of_random_tables_no_published_figure_is_under_11_and_no_hidden_one_can_be_worked_out()
    {
        var random = new Random(2311);
        for (var i = 0; i < 2000; i++)
        {
            var table = RandomTable(random, rows: random.Next(1, 9), columns: random.Next(1, 7));

            var suppressed = SmallCellSuppression.Apply(table);

            Assert.All(table.Figures().Where(f => suppressed.Published(f) is not null), f => Assert.True(table[f] >= 11));
            Assert.Empty(RecoverableByRank(table, suppressed.Hidden));
        }
    }

    [Fact]
    public void The_checker_finds_a_single_hidden_cell_in_a_row_recoverable_and_a_hidden_rectangle_not()
    {
        var table = Table(new[,] { { 5, 100 }, { 200, 300 } });

        Assert.Equal([new TableFigure(0, 0)], RecoverableByRank(table, new HashSet<TableFigure> { new(0, 0) }));
        Assert.Empty(RecoverableByRank(table, new HashSet<TableFigure> { new(0, 0), new(0, 1), new(1, 0), new(1, 1) }));
    }

    [Fact]
    public void A_state_with_one_small_county_hides_that_county_and_one_complementary_county_the_smallest()
    {
        var table = Table(new[,] { { 5 }, { 40 }, { 60 }, { 80 } });

        var suppressed = SmallCellSuppression.Apply(table);

        // each county's cell and its row total (equal in a one-program table)
        Assert.Equal([new(0, 0), new(0, 1), new(1, 0), new(1, 1)], suppressed.Hidden.Order());
        Assert.Equal(185, suppressed.Published(table.GrandTotal));
    }

    [Fact]
    public void A_one_row_table_hides_the_small_cell_and_the_smallest_other_with_their_column_totals()
    {
        var table = Table(new[,] { { 5, 20, 30 } });

        var suppressed = SmallCellSuppression.Apply(table);

        Assert.Equal([new(0, 0), new(0, 1), new(1, 0), new(1, 1)], suppressed.Hidden.Order());
        Assert.Equal((30, 55), (suppressed.Published(new TableFigure(0, 2)), suppressed.Published(table.GrandTotal)));
    }

    [Fact]
    public void A_table_of_small_counts_publishes_nothing()
    {
        var table = Table(new[,] { { 1, 2 }, { 3, 4 } });

        var suppressed = SmallCellSuppression.Apply(table);

        Assert.Equal(table.Figures(), suppressed.Hidden.Order());
    }

    [Fact]
    public void Zero_is_hidden_like_any_count_under_11_and_large_counts_alone_are_all_published()
    {
        Assert.Equal([new TableFigure(0, 0)], SmallCellSuppression.Recoverable(Table(new[,] { { 0, 50 } }), new HashSet<TableFigure> { new(0, 0) }));
        Assert.Contains(new TableFigure(0, 0), SmallCellSuppression.Apply(Table(new[,] { { 0, 50 }, { 20, 30 } })).Hidden);
        Assert.Empty(SmallCellSuppression.Apply(Table(new[,] { { 11, 50 }, { 20, 30 } })).Hidden);
    }

    [Fact]
    public void A_figure_hidden_by_another_table_is_hidden_here_and_protected_like_the_rest()
    {
        var table = Table(new[,] { { 40, 50 }, { 20, 30 } });

        var suppressed = SmallCellSuppression.Apply(table, [table.GrandTotal]);

        Assert.Contains(table.GrandTotal, suppressed.Hidden);
        Assert.Empty(RecoverableByRank(table, suppressed.Hidden));
    }

    [Fact]
    public void A_state_figure_hidden_in_the_national_table_is_hidden_as_a_total_of_the_states_county_table()
    {
        // Tennessee offers CPRS and a youth endorsement program, Pennsylvania CPS only.
        var national = new CountTable("By state", ["Tennessee", "Pennsylvania"], ["CPRS", "CPRS-Y", "CPS"], new int?[,] { { 30, 4, null }, { null, null, 40 } });
        var tennessee = Table(new[,] { { 25, 0 }, { 5, 4 } });
        List<SharedFigure> shared = [new(1, tennessee.ColumnTotal(0), 0, new(0, 0)), new(1, tennessee.ColumnTotal(1), 0, new(0, 1)), new(1, tennessee.GrandTotal, 0, national.RowTotal(0))];

        var suppressed = SmallCellSuppression.Apply([national, tennessee], shared);

        Assert.Equal([new(0, 0), new(0, 1), new(2, 0), new(2, 1)], suppressed[0].Hidden.Order());
        Assert.Equal(34, suppressed[0].Published(national.RowTotal(0)));
        Assert.Null(suppressed[0].Published(new TableFigure(1, 0))); // not offered: no figure
        Assert.False(national.IsFigure(new TableFigure(1, 0)));
        Assert.Contains(tennessee.ColumnTotal(0), suppressed[1].Hidden);
        Assert.Contains(tennessee.ColumnTotal(1), suppressed[1].Hidden);
        Assert.All(shared, s => Assert.Equal(suppressed[s.OtherTable].Hidden.Contains(s.OtherFigure), suppressed[s.Table].Hidden.Contains(s.Figure)));
        Assert.Empty(RecoverableByRank(national, suppressed[0].Hidden));
        Assert.Empty(RecoverableByRank(tennessee, suppressed[1].Hidden));
    }

    private static CountTable Table(int[,] cells) =>
        new("Example", [.. Enumerable.Range(0, cells.GetLength(0)).Select(r => $"Row {r}")], [.. Enumerable.Range(0, cells.GetLength(1)).Select(c => $"Column {c}")], cells);

    private static CountTable RandomTable(Random random, int rows, int columns)
    {
        var cells = new int?[rows, columns];
        var smallShare = random.NextDouble();
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < columns; c++)
                cells[r, c] = random.Next(20) == 0 ? null // a program the row's state does not offer
                    : random.NextDouble() < smallShare ? random.Next(0, 16) : random.Next(11, 100_000);
        return new CountTable("Random", [.. Enumerable.Range(0, rows).Select(r => $"Row {r}")], [.. Enumerable.Range(0, columns).Select(c => $"Column {c}")], cells);
    }

    /// <summary>
    /// An independent checker: written from the table's definition, not from <see cref="CountTable.Sums"/>, and by rank,
    /// not by echelon rows. A hidden figure is fixed by the sums exactly when dropping its column lowers the rank of the
    /// sums over the hidden figures. Ranks are taken modulo the prime 2^61 − 1, which equals the rational rank here:
    /// every minor of a matrix of 0 and ±1 with at most 9 non-zero entries a row and 16 rows is at most 3^16 in size.
    /// </summary>
    private static List<TableFigure> RecoverableByRank(CountTable table, IReadOnlySet<TableFigure> hidden)
    {
        int rows = table.RowCount, columns = table.ColumnCount;
        var equations = new List<Dictionary<TableFigure, long>>();
        for (var r = 0; r < rows; r++)
            equations.Add(Enumerable.Range(0, columns).Select(c => new TableFigure(r, c)).Where(table.IsFigure).ToDictionary(f => f, _ => 1L).With(new TableFigure(r, columns), -1));
        for (var c = 0; c < columns; c++)
            equations.Add(Enumerable.Range(0, rows).Select(r => new TableFigure(r, c)).Where(table.IsFigure).ToDictionary(f => f, _ => 1L).With(new TableFigure(rows, c), -1));
        equations.Add(Enumerable.Range(0, rows).ToDictionary(r => new TableFigure(r, columns), _ => 1L).With(new TableFigure(rows, columns), -1));
        equations.Add(Enumerable.Range(0, columns).ToDictionary(c => new TableFigure(rows, c), _ => 1L).With(new TableFigure(rows, columns), -1));

        var unknowns = hidden.ToList();
        var full = RankModPrime(equations, unknowns);
        return [.. unknowns.Where(u => RankModPrime(equations, [.. unknowns.Where(o => o != u)]) < full).Order()];
    }

    private const long Prime = (1L << 61) - 1;

    private static int RankModPrime(List<Dictionary<TableFigure, long>> equations, List<TableFigure> unknowns)
    {
        var matrix = equations.Select(e => unknowns.Select(u => ((e.GetValueOrDefault(u) % Prime) + Prime) % Prime).ToArray()).ToList();
        var rank = 0;
        for (var col = 0; col < unknowns.Count && rank < matrix.Count; col++)
        {
            var pivot = matrix.FindIndex(rank, r => r[col] != 0);
            if (pivot < 0) continue;
            (matrix[rank], matrix[pivot]) = (matrix[pivot], matrix[rank]);
            var inverse = Power(matrix[rank][col], Prime - 2);
            for (var r = rank + 1; r < matrix.Count; r++)
            {
                var factor = Multiply(matrix[r][col], inverse);
                for (var c = col; c < unknowns.Count; c++)
                    matrix[r][c] = (matrix[r][c] - Multiply(factor, matrix[rank][c]) % Prime + Prime) % Prime;
            }
            rank++;
        }
        return rank;
    }

    private static long Multiply(long a, long b) => (long)((UInt128)(ulong)a * (ulong)b % Prime);

    private static long Power(long value, long exponent)
    {
        long result = 1;
        for (; exponent > 0; exponent >>= 1, value = Multiply(value, value))
            if ((exponent & 1) == 1) result = Multiply(result, value);
        return result;
    }
}

internal static class EquationBuilding
{
    public static Dictionary<TableFigure, long> With(this Dictionary<TableFigure, long> equation, TableFigure total, long coefficient)
    {
        equation[total] = coefficient;
        return equation;
    }
}

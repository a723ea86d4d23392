using System.Numerics;

namespace Registry.Domain.Workforce;

/// <summary>
/// Decides which figures of a <see cref="CountTable"/> are hidden before it is published. First every figure under
/// <see cref="Threshold"/> — cells and totals, zero included, since "nobody" is as telling as "one person" — then,
/// complementary suppression: while some hidden figure can still be worked out from the published ones through the
/// table's sums, more figures are hidden, for each such figure the smallest published one sharing a sum with it
/// (ties by reading order), so the same table always hides the same figures.
/// </summary>
public static class SmallCellSuppression
{
    public const int Threshold = 11;

    /// <param name="alsoHide">Figures that must be hidden for a reason outside this table (another published table hides them).</param>
    public static SuppressedTable Apply(CountTable table, IEnumerable<TableFigure>? alsoHide = null)
    {
        var hidden = new SortedSet<TableFigure>(table.Figures().Where(f => table[f] < Threshold));
        hidden.UnionWith((alsoHide ?? []).Where(table.IsFigure));
        var besideFigure = table.Sums()
            .SelectMany(sum => sum.Select(term => (term.Figure, Sum: sum)))
            .ToLookup(p => p.Figure, p => p.Sum);
        while (Recoverable(table, hidden) is { Count: > 0 } recoverable)
        {
            // One elimination a round: each figure that could be worked out gets one more figure hidden beside it,
            // unless a figure hidden this round already shares a sum with it (the next round checks it again).
            var added = new HashSet<TableFigure>();
            foreach (var exposed in recoverable.Order())
            {
                var beside = besideFigure[exposed].SelectMany(sum => sum.Select(term => term.Figure)).ToList();
                if (beside.Any(added.Contains)) continue;
                var candidates = beside.Where(f => !hidden.Contains(f)).ToList();
                if (candidates.Count == 0) candidates = [.. table.Figures().Where(f => !hidden.Contains(f))];
                var chosen = candidates.OrderBy(f => table[f]).ThenBy(f => f).First();
                hidden.Add(chosen);
                added.Add(chosen);
            }
        }
        return new SuppressedTable(table, hidden);
    }

    /// <summary>
    /// Suppresses tables published together, where some figures appear in two of them (a state's figures in the
    /// national table are the totals of its county table): a shared figure hidden in one is hidden in the other, and
    /// each table is suppressed again until none changes. Each table is then safe against its own sums, and no shared
    /// figure is published in one table and hidden in another.
    /// </summary>
    public static IReadOnlyList<SuppressedTable> Apply(IReadOnlyList<CountTable> tables, IReadOnlyCollection<SharedFigure> shared)
    {
        var results = tables.Select(t => Apply(t)).ToList();
        for (var changed = true; changed;)
        {
            changed = false;
            for (var i = 0; i < tables.Count; i++)
            {
                var also = shared.Where(s => s.Table == i && results[s.OtherTable].Hidden.Contains(s.OtherFigure)).Select(s => s.Figure)
                    .Concat(shared.Where(s => s.OtherTable == i && results[s.Table].Hidden.Contains(s.Figure)).Select(s => s.OtherFigure))
                    .Where(f => !results[i].Hidden.Contains(f))
                    .ToList();
                if (also.Count == 0) continue;
                results[i] = Apply(tables[i], also.Concat(results[i].Hidden));
                changed = true;
            }
        }
        return results;
    }

    /// <summary>
    /// The hidden figures whose value the published figures fix through the table's sums. A hidden figure is fixed
    /// exactly when its unit vector lies in the row space of the sums restricted to the hidden figures; the reduced
    /// row-echelon form (exact, in integers) shows it as a row with a single non-zero entry.
    /// </summary>
    public static IReadOnlySet<TableFigure> Recoverable(CountTable table, IReadOnlySet<TableFigure> hidden)
    {
        var unknowns = hidden.Order().ToList();
        var column = unknowns.Select((figure, index) => (figure, index)).ToDictionary(p => p.figure, p => p.index);
        var rows = table.Sums()
            .Select(sum =>
            {
                var row = new Dictionary<int, BigInteger>();
                foreach (var (figure, coefficient) in sum)
                    if (column.TryGetValue(figure, out var at)) row[at] = coefficient;
                return row;
            })
            .Where(row => row.Count > 0)
            .ToList();

        Reduce(rows, unknowns.Count);
        return rows.Where(row => row.Count == 1).Select(row => unknowns[row.Keys.Single()]).ToHashSet();
    }

    /// <summary>
    /// Gauss–Jordan elimination without fractions, on sparse rows (a sum names few figures; zeros are not kept):
    /// each pivot column ends with one non-zero entry.
    /// </summary>
    private static void Reduce(List<Dictionary<int, BigInteger>> rows, int columns)
    {
        var pivotRow = 0;
        for (var col = 0; col < columns && pivotRow < rows.Count; col++)
        {
            var found = rows.FindIndex(pivotRow, r => r.ContainsKey(col));
            if (found < 0) continue;
            (rows[pivotRow], rows[found]) = (rows[found], rows[pivotRow]);
            var pivot = rows[pivotRow];
            var scale = pivot[col];
            for (var r = 0; r < rows.Count; r++)
            {
                if (r == pivotRow || !rows[r].TryGetValue(col, out var factor)) continue;
                var row = rows[r].ToDictionary(e => e.Key, e => e.Value * scale);
                foreach (var (c, value) in pivot)
                {
                    var next = row.GetValueOrDefault(c) - factor * value;
                    if (next.IsZero) row.Remove(c);
                    else row[c] = next;
                }
                rows[r] = Normalised(row);
            }
            pivotRow++;
        }
    }

    private static Dictionary<int, BigInteger> Normalised(Dictionary<int, BigInteger> row)
    {
        var divisor = row.Values.Aggregate(BigInteger.Zero, BigInteger.GreatestCommonDivisor);
        return divisor > 1 ? row.ToDictionary(e => e.Key, e => e.Value / divisor) : row;
    }
}

/// <summary>The same figure in two tables published together (tables named by their place in the list).</summary>
public sealed record SharedFigure(int Table, TableFigure Figure, int OtherTable, TableFigure OtherFigure);

/// <summary>A <see cref="CountTable"/> with the figures that may not be published.</summary>
public sealed class SuppressedTable(CountTable table, IReadOnlySet<TableFigure> hidden)
{
    public CountTable Table { get; } = table;
    public IReadOnlySet<TableFigure> Hidden { get; } = hidden;

    /// <summary>The figure as published: null when it is hidden (or is a cell left out, see <see cref="CountTable.IsFigure"/>).</summary>
    public int? Published(TableFigure figure) => Hidden.Contains(figure) || !Table.IsFigure(figure) ? null : Table[figure];
}

using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Features.Workforce;
using Registry.Domain.Jurisdictions;
using Registry.Domain.Workforce;

namespace Registry.Application.Features.OpenData;

/// <summary>
/// Builds a month's <see cref="OpenDataRelease"/> from the database's aggregates (the workforce ledger, never the
/// credentials): every table in <see cref="Tables"/>, suppressed together so a figure that two tables share is
/// hidden in both or in neither.
/// </summary>
public sealed class OpenDataReleases(IRegistryDbContext db, IWorkforceCounts counts, TimeProvider clock)
{
    /// <summary>The tables of a release, in the order published. A new table (by endorsement, the minimum data set by state) is one more entry.</summary>
    private static readonly IReadOnlyList<Action<MonthCounts, ReleaseTables>> Tables = [ActiveByStateAndProgram, ActiveByCountyAndProgram];

    public async Task<OpenDataRelease> BuildAsync(DateOnly month, CancellationToken cancellationToken)
    {
        // Reference data: a few dozen states and their programs.
        var states = (await db.Jurisdictions.AsNoTracking().Select(j => new { j.Code, j.Name }).ToListAsync(cancellationToken))
            .Select(j => new State(j.Code, j.Name)).OrderBy(s => s.Code.Value, StringComparer.Ordinal).ToList();
        var programs = (await db.Programs.AsNoTracking().Select(p => new { p.Id, p.StateCode, p.Code }).ToListAsync(cancellationToken))
            .Select(p => new Program(p.Id, p.StateCode, p.Code)).OrderBy(p => p.Code, StringComparer.Ordinal).ToList();
        var rows = await counts.CredentialCountsAsync(month, month.AddMonths(1).AddDays(-1), [.. states.Select(s => s.Code)], cancellationToken);

        var tables = new ReleaseTables();
        foreach (var add in Tables) add(new MonthCounts(states, programs, rows), tables);
        var suppressed = SmallCellSuppression.Apply([.. tables.All.Select(t => t.Table)], tables.Shared);

        var generatedAt = clock.GetUtcNow();
        var document = new OpenDataDocument($"{month:yyyy-MM}", generatedAt, OpenDataDocument.SuppressionRule,
            [.. tables.All.Select((t, i) => OpenDataDocument.FromSuppressed(t.Id, t.RowHeading, t.ColumnHeading, suppressed[i]))]);
        return new OpenDataRelease(month, document.ToJson(), document.ToCsv(), generatedAt);
    }

    /// <summary>(a) Active peer specialists by state and program; a program another state offers is no figure in a state's row.</summary>
    private static void ActiveByStateAndProgram(MonthCounts month, ReleaseTables tables)
    {
        var codes = month.Programs.Select(p => p.Code).Distinct().ToList();
        var cells = new int?[month.States.Count, codes.Count];
        for (var s = 0; s < month.States.Count; s++)
            for (var c = 0; c < codes.Count; c++)
                cells[s, c] = month.Programs.SingleOrDefault(p => p.State == month.States[s].Code && p.Code == codes[c]) is { } program
                    ? month.Active(r => r.ProgramId == program.Id) : null;
        tables.Add(ActiveByState, "State", "Program",
            new CountTable("Active peer specialists by state and program", [.. month.States.Select(s => s.Name)], codes, cells));
    }

    /// <summary>
    /// (b) For each state, active peer specialists by county (where they live, as the workforce workbook's county lines,
    /// counties with fewer than 11 together) and program. Its program totals and grand total are the state's figures in (a), shared with it.
    /// </summary>
    private static void ActiveByCountyAndProgram(MonthCounts month, ReleaseTables tables)
    {
        var byState = tables.Find(ActiveByState);
        for (var s = 0; s < month.States.Count; s++)
        {
            var state = month.States[s];
            var programs = month.Programs.Where(p => p.State == state.Code).ToList();
            var rows = month.Rows.Where(r => r.State == state.Code).ToList();
            if (programs.Count == 0 || rows.Count == 0) continue; // no county line to show
            // Counties are the Census list's names; one is published only when at least 11 active peer specialists
            // live there, smaller counties are counted together.
            var counties = rows.GroupBy(r => WorkforceReports.CountyLabel(r, state.Code.Value), StringComparer.Ordinal)
                .Select(g => (Label: g.Key, Rows: g.ToList()))
                .GroupBy(c => c.Label is WorkforceReport.NoAddress or WorkforceReport.OutsideTheState || c.Rows.Sum(r => r.Counts.Active) >= SmallCellSuppression.Threshold
                    ? c.Label : OtherCounties)
                .Select(g => (Label: g.Key, ActiveByProgram: g.SelectMany(c => c.Rows).GroupBy(r => r.ProgramId).ToDictionary(p => p.Key, p => p.Sum(r => r.Counts.Active))))
                .OrderBy(c => c.Label switch { OtherCounties => 1, WorkforceReport.NoAddress or WorkforceReport.OutsideTheState => 2, _ => 0 })
                .ThenBy(c => c.Label, StringComparer.OrdinalIgnoreCase)
                .ToList();
            var cells = new int?[counties.Count, programs.Count];
            for (var c = 0; c < counties.Count; c++)
                for (var p = 0; p < programs.Count; p++)
                    cells[c, p] = counties[c].ActiveByProgram.GetValueOrDefault(programs[p].Id);
            var table = new CountTable($"{state.Name}: active peer specialists by county and program", [.. counties.Select(c => c.Label)],
                [.. programs.Select(p => p.Code)], cells);
            var index = tables.Add($"{ActiveByCounty}-{state.Code.Value.ToLowerInvariant()}", "County", "Program", table);
            var codes = byState.Table.ColumnLabels.ToList();
            for (var p = 0; p < programs.Count; p++)
                tables.Share(index, table.ColumnTotal(p), byState.Index, new TableFigure(s, codes.IndexOf(programs[p].Code)));
            tables.Share(index, table.GrandTotal, byState.Index, byState.Table.RowTotal(s));
        }
    }

    private const string ActiveByState = "active-by-state-and-program";
    private const string ActiveByCounty = "active-by-county-and-program";
    public const string OtherCounties = "Counties with fewer than 11 each";

    private sealed record State(StateCode Code, string Name);

    private sealed record Program(Guid Id, StateCode State, string Code);

    private sealed record MonthCounts(IReadOnlyList<State> States, IReadOnlyList<Program> Programs, IReadOnlyList<CredentialCountRow> Rows)
    {
        public int Active(Func<CredentialCountRow, bool> which) => Rows.Where(which).Sum(r => r.Counts.Active);
    }

    /// <summary>The tables collected so far, each with an id for the files, and the figures they share.</summary>
    private sealed class ReleaseTables
    {
        public List<(string Id, string RowHeading, string ColumnHeading, CountTable Table)> All { get; } = [];
        public List<SharedFigure> Shared { get; } = [];

        public int Add(string id, string rowHeading, string columnHeading, CountTable table)
        {
            All.Add((id, rowHeading, columnHeading, table));
            return All.Count - 1;
        }

        public (int Index, CountTable Table) Find(string id) => All.FindIndex(t => t.Id == id) is var i and >= 0 ? (i, All[i].Table) : throw new InvalidOperationException($"No table {id} yet.");

        public void Share(int table, TableFigure figure, int otherTable, TableFigure otherFigure) => Shared.Add(new SharedFigure(table, figure, otherTable, otherFigure));
    }
}

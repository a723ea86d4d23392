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
public sealed class OpenDataReleases(IRegistryDbContext db, IWorkforceCounts counts, IWorkforceDimensions dimensions, TimeProvider clock)
{
    /// <summary>The tables of a release, in the order published. A new table is one more entry.</summary>
    private static readonly IReadOnlyList<Action<MonthCounts, ReleaseTables>> Tables =
        [ActiveByStateAndProgram, ActiveByCountyAndProgram, EndorsementsByState, EndorsementsByCounty, WorkforceAnswersByState];

    public async Task<OpenDataRelease> BuildAsync(DateOnly month, CancellationToken cancellationToken)
    {
        // Reference data: a few dozen states and their programs.
        var states = (await db.Jurisdictions.AsNoTracking().Select(j => new { j.Code, j.Name }).ToListAsync(cancellationToken))
            .Select(j => new State(j.Code, j.Name)).OrderBy(s => s.Code.Value, StringComparer.Ordinal).ToList();
        var programs = (await db.Programs.AsNoTracking().ToListAsync(cancellationToken))
            .Select(p => new Program(p.Id, p.StateCode, p.Code, [.. p.Requirements.Endorsements.Select(e => e.Code)]))
            .OrderBy(p => p.Code, StringComparer.Ordinal).ToList();
        var lastDay = month.AddMonths(1).AddDays(-1);
        var codes = states.Select(s => s.Code).ToList();
        var rows = await counts.CredentialCountsAsync(month, lastDay, codes, cancellationToken);
        var endorsements = await dimensions.EndorsementsInForceAsync(lastDay, codes, cancellationToken);
        var answers = await dimensions.SurveyAnswersInForceAsync(lastDay, codes, cancellationToken);

        var tables = new ReleaseTables();
        foreach (var add in Tables) add(new MonthCounts(states, programs, rows, endorsements, answers), tables);
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
            var counties = PublishedCounties(rows, state);
            var active = rows.GroupBy(r => (Line: counties.Of(r), r.ProgramId)).ToDictionary(g => g.Key, g => g.Sum(r => r.Counts.Active));
            var cells = new int?[counties.Labels.Count, programs.Count];
            for (var c = 0; c < counties.Labels.Count; c++)
                for (var p = 0; p < programs.Count; p++)
                    cells[c, p] = active.GetValueOrDefault((counties.Labels[c], programs[p].Id));
            var table = new CountTable($"{state.Name}: active peer specialists by county and program", counties.Labels,
                [.. programs.Select(p => p.Code)], cells);
            var index = tables.Add($"{ActiveByCounty}-{state.Code.Value.ToLowerInvariant()}", "County", "Program", table);
            var codes = byState.Table.ColumnLabels.ToList();
            for (var p = 0; p < programs.Count; p++)
                tables.Share(index, table.ColumnTotal(p), byState.Index, new TableFigure(s, codes.IndexOf(programs[p].Code)));
            tables.Share(index, table.GrandTotal, byState.Index, byState.Table.RowTotal(s));
        }
    }

    /// <summary>
    /// A state's county lines: a county of the Census list is published only when at least 11 active peer specialists
    /// live there, smaller counties are counted together; then no address, and outside the state.
    /// </summary>
    private static CountyLines PublishedCounties(IReadOnlyList<CredentialCountRow> stateRows, State state)
    {
        var published = stateRows.GroupBy(r => WorkforceReports.CountyLabel(r, state.Code.Value), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Key is WorkforceReport.NoAddress or WorkforceReport.OutsideTheState || g.Sum(r => r.Counts.Active) >= SmallCellSuppression.Threshold
                ? g.Key : OtherCounties, StringComparer.Ordinal);
        var labels = published.Values.Distinct()
            .OrderBy(label => label switch { OtherCounties => 1, WorkforceReport.NoAddress or WorkforceReport.OutsideTheState => 2, _ => 0 })
            .ThenBy(label => label, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new CountyLines(labels, label => published.GetValueOrDefault(label, OtherCounties));
    }

    /// <summary>(c) Specialty endorsements in force by state; a code no program of the state defines is no figure in its row.</summary>
    private static void EndorsementsByState(MonthCounts month, ReleaseTables tables)
    {
        var codes = month.Programs.SelectMany(p => p.Endorsements).Concat(month.Endorsements.Select(e => e.Code)).Distinct().Order(StringComparer.Ordinal).ToList();
        if (codes.Count == 0) return;
        var cells = new int?[month.States.Count, codes.Count];
        for (var s = 0; s < month.States.Count; s++)
            for (var c = 0; c < codes.Count; c++)
            {
                var (state, code) = (month.States[s].Code, codes[c]);
                var rows = month.Endorsements.Where(e => e.State == state && e.Code == code).ToList();
                cells[s, c] = rows.Count > 0 || month.Programs.Any(p => p.State == state && p.Endorsements.Contains(code)) ? rows.Sum(e => e.Count) : null;
            }
        tables.Add(EndorsementsInForce, "State", "Endorsement",
            new CountTable("Specialty endorsements in force by state (a person with two endorsements counts under each)", [.. month.States.Select(s => s.Name)], codes, cells));
    }

    /// <summary>(d) For each state with endorsements, endorsements in force by county (the county lines of (b)); its totals are the state's figures in (c).</summary>
    private static void EndorsementsByCounty(MonthCounts month, ReleaseTables tables)
    {
        if (tables.FindOrNull(EndorsementsInForce) is not { } byState) return;
        for (var s = 0; s < month.States.Count; s++)
        {
            var state = month.States[s];
            var codes = byState.Table.ColumnLabels.Where((_, c) => byState.Table.IsFigure(new TableFigure(s, c))).ToList();
            var rows = month.Rows.Where(r => r.State == state.Code).ToList();
            if (codes.Count == 0 || rows.Count == 0) continue;
            var counties = PublishedCounties(rows, state);
            var inForce = month.Endorsements.Where(e => e.State == state.Code)
                .GroupBy(e => (Line: counties.LineOf(WorkforceReports.CountyLabel(e.ResidenceState, e.County, state.Code.Value)), e.Code))
                .ToDictionary(g => g.Key, g => g.Sum(e => e.Count));
            var cells = new int?[counties.Labels.Count, codes.Count];
            for (var c = 0; c < counties.Labels.Count; c++)
                for (var k = 0; k < codes.Count; k++)
                    cells[c, k] = inForce.GetValueOrDefault((counties.Labels[c], codes[k]));
            var table = new CountTable($"{state.Name}: specialty endorsements in force by county", counties.Labels, codes, cells);
            var index = tables.Add($"{EndorsementsInForce}-by-county-{state.Code.Value.ToLowerInvariant()}", "County", "Endorsement", table);
            var allCodes = byState.Table.ColumnLabels.ToList();
            for (var k = 0; k < codes.Count; k++)
                tables.Share(index, table.ColumnTotal(k), byState.Index, new TableFigure(s, allCodes.IndexOf(codes[k])));
            tables.Share(index, table.GrandTotal, byState.Index, byState.Table.RowTotal(s));
        }
    }

    /// <summary>
    /// (e) For each workforce question, active peer specialists by state and answer. Each row adds up to the state's
    /// active peer specialists in (a), shared with it: those who did not answer are counted as such.
    /// </summary>
    private static void WorkforceAnswersByState(MonthCounts month, ReleaseTables tables)
    {
        var byState = tables.Find(ActiveByState);
        foreach (var question in SurveyDistribution.Questions)
        {
            var cells = new int?[month.States.Count, question.Categories.Count];
            for (var s = 0; s < month.States.Count; s++)
            {
                var state = month.States[s].Code;
                var counts = question.Counts(month.Answers.Where(a => a.State == state), month.Active(r => r.State == state));
                for (var c = 0; c < counts.Count; c++) cells[s, c] = counts[c];
            }
            var table = new CountTable($"Active peer specialists by state: {question.Title}", [.. month.States.Select(s => s.Name)], question.Categories, cells);
            var index = tables.Add($"{WorkforceAnswers}-{question.Name.ToLowerInvariant()}", "State", question.Title, table);
            for (var s = 0; s < month.States.Count; s++)
                if (byState.Table.IsFigure(byState.Table.RowTotal(s)))
                    tables.Share(index, table.RowTotal(s), byState.Index, byState.Table.RowTotal(s));
            tables.Share(index, table.GrandTotal, byState.Index, byState.Table.GrandTotal);
        }
    }

    private const string ActiveByState = "active-by-state-and-program";
    private const string ActiveByCounty = "active-by-county-and-program";
    private const string EndorsementsInForce = "endorsements-by-state";
    private const string WorkforceAnswers = "workforce-answers";
    public const string OtherCounties = "Counties with fewer than 11 each";

    private sealed record State(StateCode Code, string Name);

    private sealed record Program(Guid Id, StateCode State, string Code, IReadOnlyList<string> Endorsements);

    /// <summary>A state's published county labels, in order, and the line each county label of the counts falls on.</summary>
    private sealed record CountyLines(IReadOnlyList<string> Labels, Func<string, string> LineOf)
    {
        public string Of(CredentialCountRow row) => LineOf(WorkforceReports.CountyLabel(row, row.State.Value));
    }

    private sealed record MonthCounts(IReadOnlyList<State> States, IReadOnlyList<Program> Programs, IReadOnlyList<CredentialCountRow> Rows,
        IReadOnlyList<EndorsementCountRow> Endorsements, IReadOnlyList<SurveyAnswerCountRow> Answers)
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

        public (int Index, CountTable Table)? FindOrNull(string id) => All.FindIndex(t => t.Id == id) is var i and >= 0 ? (i, All[i].Table) : null;

        public (int Index, CountTable Table) Find(string id) => All.FindIndex(t => t.Id == id) is var i and >= 0 ? (i, All[i].Table) : throw new InvalidOperationException($"No table {id} yet.");

        public void Share(int table, TableFigure figure, int otherTable, TableFigure otherFigure) => Shared.Add(new SharedFigure(table, figure, otherTable, otherFigure));
    }
}

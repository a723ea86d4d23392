using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Domain.Applications;
using Registry.Domain.Credentials;
using Registry.Domain.Jurisdictions;
using Registry.Infrastructure.Persistence;
using Registry.Infrastructure.Persistence.Providers;

namespace Registry.Infrastructure.Exports.Workforce;

/// <summary>
/// The workforce aggregates as SQL. One text serves PostgreSQL, SQLite and SQL Server (double-quoted names,
/// ROW_NUMBER and LEAD window functions, GROUP BY); only two things differ by provider, in its <see cref="SqlDialect"/>:
/// how a timestamp is bound (SQLite stores it as EF Core's sortable binary number) and how whole days between
/// two timestamps are counted. "Status on a date" is the ToStatus of the credential's last history row with
/// EffectiveOn on or before that date (ties broken by Sequence), so a past period's answer does not change when
/// later rows are added. Credential counts read the <see cref="WorkforceLedger"/>, which is kept equal to the
/// histories, so the export's time follows the number of days and places rather than of credentials.
/// </summary>
public sealed class WorkforceSql(RegistryDbContext db) : IWorkforceCounts
{
    private SqlDialect Sql => db.Dialect;

    public Task<IReadOnlyList<CredentialCountRow>> CredentialCountsAsync(DateOnly from, DateOnly to, IReadOnlyCollection<StateCode> states, CancellationToken cancellationToken) =>
        CountsAsync(CredentialCounts(from, to, states), states, cancellationToken);

    /// <summary>The same counts from the histories alone, without the ledger: the reference the ledger is tested against.</summary>
    public Task<IReadOnlyList<CredentialCountRow>> CredentialCountsFromHistoriesAsync(DateOnly from, DateOnly to, IReadOnlyCollection<StateCode> states, CancellationToken cancellationToken) =>
        CountsAsync(CredentialCountsFromHistories(from, to, states), states, cancellationToken);

    private async Task<IReadOnlyList<CredentialCountRow>> CountsAsync(SqlStatement statement, IReadOnlyCollection<StateCode> states, CancellationToken cancellationToken)
    {
        if (states.Count == 0) return [];
        var rows = await Sql.QueryAsync<CountRow>(db, statement, cancellationToken);

        return rows
            .GroupBy(r => (r.State, r.ProgramId, r.ResidenceState, r.County))
            .Select(g => new CredentialCountRow(StateCode.Parse(g.Key.State), g.Key.ProgramId,
                StateCode.TryParse(g.Key.ResidenceState, out var lives) ? lives : null, g.Key.County is "" ? null : g.Key.County, Fold(g)))
            .ToList();
    }

    /// <summary>The counts as the workforce ledger keeps them: sums of its rows up to <paramref name="to"/> (statuses) and over the period (events).</summary>
    internal static SqlStatement CredentialCounts(DateOnly from, DateOnly to, IReadOnlyCollection<StateCode> states)
    {
        var parameters = new Dictionary<string, object?> { ["to"] = to, ["from"] = from };
        var inStates = InList(parameters, states);
        return new SqlStatement("Workforce: credential counts", $"""
            SELECT l."Part", l."StateCode" AS "State", l."ProgramId", l."ResidenceState", l."County", l."What", CAST(SUM(l."Count") AS BIGINT) AS "Count"
            FROM "{WorkforceLedger.Table}" l
            WHERE l."StateCode" IN ({inStates}) AND l."Day" <= @to
              AND (l."Part" = '{WorkforceLedger.Status}' OR l."Day" >= @from)
            GROUP BY l."Part", l."StateCode", l."ProgramId", l."ResidenceState", l."County", l."What"
            HAVING SUM(l."Count") <> 0
            """, parameters);
    }

    /// <summary>
    /// The same counts worked out from the histories alone, with window functions over every row (the ledger's
    /// reference in tests): the status on <paramref name="to"/> with the residence on <paramref name="to"/>, and each
    /// counted event in [from, to] with the residence on its own day.
    /// </summary>
    internal static SqlStatement CredentialCountsFromHistories(DateOnly from, DateOnly to, IReadOnlyCollection<StateCode> states)
    {
        var parameters = new Dictionary<string, object?> { ["to"] = to, ["from"] = from };
        var inStates = InList(parameters, states);
        return new SqlStatement("Workforce: credential counts from histories", $"""
            WITH residence AS (
                SELECT r."PersonId", r."StateCode", r."County",
                       ROW_NUMBER() OVER (PARTITION BY r."PersonId" ORDER BY r."EffectiveOn" DESC, r."Sequence" DESC) AS "Rank"
                FROM "ResidenceHistory" r
                WHERE r."EffectiveOn" <= @to
            ), latest AS (
                SELECT h."CredentialId", h."ToStatus",
                       ROW_NUMBER() OVER (PARTITION BY h."CredentialId" ORDER BY h."EffectiveOn" DESC, h."Sequence" DESC) AS "Rank"
                FROM "CredentialHistory" h
                JOIN "Credentials" c ON c."Id" = h."CredentialId"
                WHERE h."EffectiveOn" <= @to AND c."StateCode" IN ({inStates})
            )
            SELECT '{WorkforceLedger.Status}' AS "Part", c."StateCode" AS "State", c."ProgramId", COALESCE(r."StateCode", '') AS "ResidenceState",
                   COALESCE(r."County", '') AS "County", l."ToStatus" AS "What", CAST(COUNT(*) AS BIGINT) AS "Count"
            FROM latest l
            JOIN "Credentials" c ON c."Id" = l."CredentialId"
            LEFT JOIN residence r ON r."PersonId" = c."HolderPersonId" AND r."Rank" = 1
            WHERE l."Rank" = 1
            GROUP BY c."StateCode", c."ProgramId", r."StateCode", r."County", l."ToStatus"
            UNION ALL
            SELECT '{WorkforceLedger.Event}' AS "Part", c."StateCode" AS "State", c."ProgramId", COALESCE(r."StateCode", '') AS "ResidenceState",
                   COALESCE(r."County", '') AS "County", h."Kind" AS "What", CAST(COUNT(*) AS BIGINT) AS "Count"
            FROM "CredentialHistory" h
            JOIN "Credentials" c ON c."Id" = h."CredentialId"
            LEFT JOIN "ResidenceHistory" r ON r."PersonId" = c."HolderPersonId" AND r."EffectiveOn" <= h."EffectiveOn"
                AND NOT EXISTS (
                    SELECT 1 FROM "ResidenceHistory" later
                    WHERE later."PersonId" = r."PersonId" AND later."EffectiveOn" <= h."EffectiveOn"
                      AND (later."EffectiveOn" > r."EffectiveOn" OR (later."EffectiveOn" = r."EffectiveOn" AND later."Sequence" > r."Sequence")))
            WHERE h."EffectiveOn" >= @from AND h."EffectiveOn" <= @to AND c."StateCode" IN ({inStates})
              AND h."Kind" IN ({string.Join(", ", WorkforceLedger.EventKinds.Select(SqlDialect.Text))})
            GROUP BY c."StateCode", c."ProgramId", r."StateCode", r."County", h."Kind"
            """, parameters);
    }

    public async Task<IReadOnlyList<OpenApplicationRow>> OpenApplicationsAsync(DateOnly asOf, IReadOnlyCollection<StateTimeZone> states, CancellationToken cancellationToken)
    {
        if (states.Count == 0) return [];
        var rows = await Sql.QueryAsync<ApplicationRow>(db, OpenApplications(Sql, asOf, states), cancellationToken);
        return rows.Select(r => new OpenApplicationRow(StateCode.Parse(r.State), Enum.Parse<ApplicationType>(r.Type), Enum.Parse<ApplicationStatus>(r.Status), (int)r.Count)).ToList();
    }

    internal static SqlStatement OpenApplications(SqlDialect sql, DateOnly asOf, IReadOnlyCollection<StateTimeZone> states)
    {
        var parameters = new Dictionary<string, object?>();
        var ends = states.ToDictionary(s => s.State, s => RegistryDay.StartOf(asOf.AddDays(1), s.TimeZone));
        parameters["earliest"] = sql.Timestamp(ends.Values.Min());
        var bounds = Bounds(sql, parameters, ends.Select(e => (e.Key, (DateTimeOffset?)null, e.Value)));
        // An application's status at the end of the day (midnight in its state's time zone) is the one it has now unless
        // it changed since, and then it is where its first change since started from; so only the changes since are read
        // (found by date: @earliest is the first of the states' midnights).
        return new SqlStatement("Workforce: open applications", $"""
            WITH bounds AS ({bounds}),
            firsts AS (
                SELECT h."ApplicationId", h."From",
                       ROW_NUMBER() OVER (PARTITION BY h."ApplicationId" ORDER BY h."At", h."Id") AS "Rank"
                FROM "ApplicationHistory" h
                JOIN "Applications" a ON a."Id" = h."ApplicationId"
                JOIN "Programs" p ON p."Id" = a."ProgramId"
                JOIN bounds b ON b."StateCode" = p."StateCode"
                WHERE h."At" >= @earliest AND h."At" >= b."End"
            ), statuses AS (
                SELECT a."ProgramId", a."Type", f."From" AS "Status"
                FROM firsts f
                JOIN "Applications" a ON a."Id" = f."ApplicationId"
                WHERE f."Rank" = 1 AND f."From" IN ({OpenStatuses})
                UNION ALL
                SELECT a."ProgramId", a."Type", a."Status"
                FROM "Applications" a
                JOIN "Programs" p ON p."Id" = a."ProgramId"
                JOIN bounds b ON b."StateCode" = p."StateCode"
                WHERE a."Status" IN ({OpenStatuses})
                  AND NOT EXISTS (SELECT 1 FROM "ApplicationHistory" h WHERE h."ApplicationId" = a."Id" AND h."At" >= b."End")
            )
            SELECT p."StateCode" AS "State", s."Type", s."Status", CAST(COUNT(*) AS BIGINT) AS "Count"
            FROM statuses s
            JOIN "Programs" p ON p."Id" = s."ProgramId"
            GROUP BY p."StateCode", s."Type", s."Status"
            """, parameters);
    }

    private static readonly string OpenStatuses = string.Join(", ",
        new[] { ApplicationStatus.Submitted, ApplicationStatus.UnderReview, ApplicationStatus.InfoRequested }.Select(s => SqlDialect.Text(s.ToString())));

    public async Task<IReadOnlyList<DecisionTimeRow>> DecisionTimesAsync(DateOnly from, DateOnly to, IReadOnlyCollection<StateTimeZone> states, CancellationToken cancellationToken)
    {
        if (states.Count == 0) return [];
        var rows = await Sql.QueryAsync<DecisionRow>(db, DecisionTimes(Sql, from, to, states), cancellationToken);
        return rows.Select(r => new DecisionTimeRow(StateCode.Parse(r.State), (int)r.Decisions, (int?)r.Median, (int?)r.Percentile90)).ToList();
    }

    internal static SqlStatement DecisionTimes(SqlDialect sql, DateOnly from, DateOnly to, IReadOnlyCollection<StateTimeZone> states)
    {
        var parameters = new Dictionary<string, object?>();
        var periods = states.Select(s => (s.State, Start: (DateTimeOffset?)RegistryDay.StartOf(from, s.TimeZone), End: RegistryDay.StartOf(to.AddDays(1), s.TimeZone))).ToList();
        parameters["earliest"] = sql.Timestamp(periods.Min(p => p.Start!.Value));
        parameters["latest"] = sql.Timestamp(periods.Max(p => p.End));
        var bounds = Bounds(sql, parameters, periods);
        // Nearest rank: the median is the ceil(n/2)-th shortest wait, the 90th percentile the ceil(9n/10)-th. A wait runs
        // from the first submission to a decision; the period's decisions are found by date (@earliest and @latest span
        // every state's period), each state's from midnight to midnight in its own time zone.
        return new SqlStatement("Workforce: decision times", $"""
            WITH bounds AS ({bounds}),
            waits AS (
                SELECT p."StateCode", {sql.DaysBetween("a.\"FirstSubmittedAt\"", "d.\"At\"")} AS "Days"
                FROM "ApplicationHistory" d
                JOIN "Applications" a ON a."Id" = d."ApplicationId"
                JOIN "Programs" p ON p."Id" = a."ProgramId"
                JOIN bounds b ON b."StateCode" = p."StateCode"
                WHERE d."At" >= @earliest AND d."At" < @latest AND d."At" >= b."Start" AND d."At" < b."End"
                  AND d."To" IN ('Approved', 'Denied') AND a."FirstSubmittedAt" IS NOT NULL
            ), ranked AS (
                SELECT w."StateCode", w."Days",
                       ROW_NUMBER() OVER (PARTITION BY w."StateCode" ORDER BY w."Days") AS "Rank",
                       COUNT(*) OVER (PARTITION BY w."StateCode") AS "Total"
                FROM waits w
            )
            SELECT "StateCode" AS "State", CAST("Total" AS BIGINT) AS "Decisions",
                   CAST(MAX(CASE WHEN "Rank" = ("Total" + 1) / 2 THEN "Days" END) AS BIGINT) AS "Median",
                   CAST(MAX(CASE WHEN "Rank" = (9 * "Total" + 9) / 10 THEN "Days" END) AS BIGINT) AS "Percentile90"
            FROM ranked
            GROUP BY "StateCode", "Total"
            """, parameters);
    }

    /// <summary>
    /// A derived table of each state's code with the instants its period starts and ends (midnights in its time zone,
    /// worked out here), as parameters: <c>SELECT @bound0state AS "StateCode", @bound0start AS "Start", @bound0end AS "End" UNION ALL …</c>.
    /// </summary>
    private static string Bounds(SqlDialect sql, Dictionary<string, object?> parameters, IEnumerable<(StateCode State, DateTimeOffset? Start, DateTimeOffset End)> periods) =>
        string.Join(" UNION ALL ", periods.Select((p, i) =>
        {
            parameters[$"bound{i}state"] = p.State.Value;
            parameters[$"bound{i}end"] = sql.Timestamp(p.End);
            if (p.Start is not { } start) return $"SELECT @bound{i}state AS \"StateCode\", @bound{i}end AS \"End\"";
            parameters[$"bound{i}start"] = sql.Timestamp(start);
            return $"SELECT @bound{i}state AS \"StateCode\", @bound{i}start AS \"Start\", @bound{i}end AS \"End\"";
        }));

    public async Task<IReadOnlyList<StatusOnDateRow>> StatusOnDatesAsync(StateCode state, IReadOnlyList<DateOnly> dates, CancellationToken cancellationToken)
    {
        if (dates.Count == 0) return [];
        var rows = await Sql.QueryAsync<DateRow>(db, StatusOnDates(state, dates), cancellationToken);
        return rows.Select(r => new StatusOnDateRow(r.Date, Enum.Parse<CredentialStatus>(r.Status), (int)r.Count)).ToList();
    }

    internal static SqlStatement StatusOnDates(StateCode state, IReadOnlyList<DateOnly> dates)
    {
        var parameters = new Dictionary<string, object?> { ["state"] = state.Value };
        var dateRows = string.Join(" UNION ALL ", dates.Select((d, i) =>
        {
            parameters["date" + i] = d;
            return $"SELECT @date{i} AS \"Date\"";
        }));
        // Each history row holds from its EffectiveOn until the next row's: a span; a date falls in one span per credential.
        return new SqlStatement("Workforce: status on dates", $"""
            WITH dates AS ({dateRows}),
            spans AS (
                SELECT h."ToStatus", h."EffectiveOn" AS "Since",
                       LEAD(h."EffectiveOn") OVER (PARTITION BY h."CredentialId" ORDER BY h."EffectiveOn", h."Sequence") AS "Until"
                FROM "CredentialHistory" h
                JOIN "Credentials" c ON c."Id" = h."CredentialId"
                WHERE c."StateCode" = @state
            )
            SELECT d."Date", s."ToStatus" AS "Status", CAST(COUNT(*) AS BIGINT) AS "Count"
            FROM dates d
            JOIN spans s ON s."Since" <= d."Date" AND (s."Until" IS NULL OR s."Until" > d."Date")
            GROUP BY d."Date", s."ToStatus"
            """, parameters);
    }

    private static WorkforceCounts Fold(IEnumerable<CountRow> rows)
    {
        int Of(string part, string what) => (int)rows.Where(r => r.Part == part && r.What == what).Sum(r => r.Count);
        int Status(CredentialStatus status) => Of(WorkforceLedger.Status, status.ToString());
        int Period(CredentialEventKind kind) => Of(WorkforceLedger.Event, kind.ToString());
        return new WorkforceCounts(
            Active: Status(CredentialStatus.Active) + Status(CredentialStatus.Probation),
            OnProbation: Status(CredentialStatus.Probation),
            Suspended: Status(CredentialStatus.Suspended),
            Expired: Status(CredentialStatus.Expired),
            Lapsed: Status(CredentialStatus.Lapsed),
            Revoked: Status(CredentialStatus.Revoked),
            Retired: Status(CredentialStatus.Relinquished),
            Issued: Period(CredentialEventKind.Issued),
            Renewed: Period(CredentialEventKind.Renewed),
            ExpiredInPeriod: Period(CredentialEventKind.Expired),
            LapsedInPeriod: Period(CredentialEventKind.Lapsed),
            RevokedInPeriod: Period(CredentialEventKind.Revoked));
    }

    /// <summary>Adds the states as parameters and returns their names, e.g. <c>@state0, @state1</c>.</summary>
    internal static string InList(Dictionary<string, object?> parameters, IEnumerable<StateCode> states) =>
        string.Join(", ", states.Select((state, i) =>
        {
            parameters["state" + i] = state.Value;
            return "@state" + i;
        }));

    private sealed class CountRow
    {
        public string Part { get; init; } = "";
        public string State { get; init; } = "";
        public Guid ProgramId { get; init; }
        public string ResidenceState { get; init; } = "";
        public string County { get; init; } = "";
        public string What { get; init; } = "";
        public long Count { get; init; }
    }

    private sealed class ApplicationRow
    {
        public string State { get; init; } = "";
        public string Type { get; init; } = "";
        public string Status { get; init; } = "";
        public long Count { get; init; }
    }

    private sealed class DecisionRow
    {
        public string State { get; init; } = "";
        public long Decisions { get; init; }
        public long? Median { get; init; }
        public long? Percentile90 { get; init; }
    }

    private sealed class DateRow
    {
        public DateOnly Date { get; init; }
        public string Status { get; init; } = "";
        public long Count { get; init; }
    }
}

using Registry.Domain.Credentials;
using Registry.Infrastructure.Persistence.Providers;

namespace Registry.Infrastructure.Exports.Workforce;

/// <summary>
/// One row of the workforce ledger: on <see cref="Day"/>, for credentials of a state and program whose holder lived in
/// a residence state and county that day, how much a measure changed. A <see cref="WorkforceLedger.Status"/> measure
/// (<see cref="What"/> is a <see cref="CredentialStatus"/>) counts +1 when a credential enters that status or its holder
/// moves in, -1 when it leaves or the holder moves away, so the credentials in a status on a date are the sum over
/// days up to it. An <see cref="WorkforceLedger.Event"/> measure (<see cref="What"/> is a
/// <see cref="CredentialEventKind"/>) counts the events of that day, so a period's events are the sum over its days.
/// No residence on record is kept as empty text (a key column holds no null).
/// </summary>
public sealed class WorkforceLedgerEntry
{
    public DateOnly Day { get; private set; }
    public string StateCode { get; private set; } = "";
    public Guid ProgramId { get; private set; }
    public string ResidenceState { get; private set; } = "";
    public string County { get; private set; } = "";
    public string Part { get; private set; } = "";
    public string What { get; private set; } = "";
    public int Count { get; private set; }
}

/// <summary>
/// Keeps the <see cref="WorkforceLedgerEntry"/> rows equal to what the credential and residence histories say. A change
/// to some credentials' histories (any row, backdated or not) takes their whole contribution out (<see cref="Remove"/>,
/// before the change) and puts the new one in (<see cref="Add"/>, after it), in the same transaction: the rows the
/// change touched are worked out again from the full histories, so order of entry and backdating cannot skew them.
/// <see cref="Rebuild"/> works the whole ledger out again (the migration that added it, the bench generator, tests).
/// </summary>
public static class WorkforceLedger
{
    public const string Table = "WorkforceLedger";
    public const string Status = "Status";
    public const string Event = "Event";

    /// <summary>The event kinds the workforce export counts per period.</summary>
    internal static readonly string[] EventKinds =
        [nameof(CredentialEventKind.Issued), nameof(CredentialEventKind.Renewed), nameof(CredentialEventKind.Expired), nameof(CredentialEventKind.Lapsed), nameof(CredentialEventKind.Revoked)];

    private static readonly string[] Keys = ["Day", "StateCode", "ProgramId", "ResidenceState", "County", "Part", "What"];

    /// <summary>A condition on <c>c</c> (a Credentials row) naming some credentials, with its parameters.</summary>
    public sealed record Scope(string Credentials, IReadOnlyDictionary<string, object?> Parameters);

    /// <summary>
    /// The credentials with these ids or held by these people, as conditions of at most <paramref name="perScope"/>
    /// parameters each (SQL Server takes 2,100 at most).
    /// </summary>
    public static IReadOnlyList<Scope> Scopes(IReadOnlyList<Guid> credentialIds, IReadOnlyList<Guid> holderIds, int perScope = 500)
    {
        var ids = credentialIds.Select(id => (Column: "Id", Id: id)).Concat(holderIds.Select(id => (Column: "HolderPersonId", Id: id)));
        return ids.Chunk(perScope).Select(chunk =>
        {
            var parameters = new Dictionary<string, object?>();
            var conditions = chunk.GroupBy(c => c.Column).Select(column =>
                $"c.\"{column.Key}\" IN ({string.Join(", ", column.Select(c =>
                {
                    var name = "id" + parameters.Count;
                    parameters[name] = c.Id;
                    return "@" + name;
                }))})");
            return new Scope(string.Join(" OR ", conditions.ToList()), parameters);
        }).ToList();
    }

    /// <summary>Takes out the contribution of the credentials matching <paramref name="credentials"/> (a condition on <c>c</c>, the Credentials row).</summary>
    public static SqlStatement Remove(SqlDialect sql, string credentials, IReadOnlyDictionary<string, object?> parameters) =>
        new SqlStatement("Workforce ledger: remove credentials", Accumulate(sql, credentials, -1), parameters);

    /// <summary>Puts in the contribution of the credentials matching <paramref name="credentials"/>, as their histories now stand.</summary>
    public static SqlStatement Add(SqlDialect sql, string credentials, IReadOnlyDictionary<string, object?> parameters) =>
        new SqlStatement("Workforce ledger: add credentials", Accumulate(sql, credentials, 1), parameters);

    /// <summary>Empties the ledger and works it out again from every history.</summary>
    public static SqlStatement Rebuild(SqlDialect sql) =>
        new SqlStatement("Workforce ledger: rebuild", $"DELETE FROM {sql.Q(Table)};\n" + Accumulate(sql, "1 = 1", 1), SqlStatement.NoParameters);

    private static string Accumulate(SqlDialect sql, string credentials, int sign) =>
        sql.Accumulate(Table, Keys, "Count", Contributions(credentials), $"""
            SELECT x."Day", s."StateCode", s."ProgramId", COALESCE(x."ResidenceState", '') AS "ResidenceState", COALESCE(x."County", '') AS "County",
                   x."Part", x."What", {sign} * SUM(x."Delta") AS "Count"
            FROM contributions x
            JOIN scope s ON s."Id" = x."CredentialId"
            WHERE 1 = 1
            GROUP BY x."Day", s."StateCode", s."ProgramId", x."ResidenceState", x."County", x."Part", x."What"
            HAVING SUM(x."Delta") <> 0
            """);

    /// <summary>
    /// Common table expressions ending in <c>contributions</c>: per credential in scope, the ledger deltas its histories make.
    /// Both histories are merged in order (day, credential rows before residence rows, sequence); the status and the
    /// residence are carried forward (a running count numbers each one's groups, and a group's one non-null value is
    /// its MAX); a day's standing is that of its last row. Each day the standing changes is +1 for the new standing and
    /// -1 for the one before; each counted event is +1 with the residence of its day. Nothing counts before the first
    /// credential row (the credential did not exist).
    /// </summary>
    private static string Contributions(string credentials) => $"""
        scope AS (
            SELECT c."Id", c."StateCode", c."ProgramId", c."HolderPersonId"
            FROM "Credentials" c
            WHERE {credentials}
        ), changes AS (
            SELECT h."CredentialId", h."EffectiveOn" AS "Day", 0 AS "Source", h."Sequence", h."ToStatus", h."Kind",
                   NULL AS "ResidenceState", NULL AS "County"
            FROM "CredentialHistory" h
            JOIN scope s ON s."Id" = h."CredentialId"
            UNION ALL
            SELECT s."Id", r."EffectiveOn", 1, r."Sequence", NULL, NULL, r."StateCode", r."County"
            FROM "ResidenceHistory" r
            JOIN scope s ON s."HolderPersonId" = r."PersonId"
        ), numbered AS (
            SELECT x."CredentialId", x."Day", x."Source", x."Kind", x."ToStatus", x."ResidenceState", x."County",
                   COUNT(x."ToStatus") OVER (PARTITION BY x."CredentialId" ORDER BY x."Day", x."Source", x."Sequence" ROWS UNBOUNDED PRECEDING) AS "StatusGroup",
                   SUM(x."Source") OVER (PARTITION BY x."CredentialId" ORDER BY x."Day", x."Source", x."Sequence" ROWS UNBOUNDED PRECEDING) AS "ResidenceGroup",
                   ROW_NUMBER() OVER (PARTITION BY x."CredentialId", x."Day" ORDER BY x."Source" DESC, x."Sequence" DESC) AS "FromLast"
            FROM changes x
        ), filled AS (
            SELECT n."CredentialId", n."Day", n."Source", n."Kind", n."FromLast",
                   MAX(n."ToStatus") OVER (PARTITION BY n."CredentialId", n."StatusGroup") AS "Status",
                   MAX(n."ResidenceState") OVER (PARTITION BY n."CredentialId", n."ResidenceGroup") AS "ResidenceState",
                   MAX(n."County") OVER (PARTITION BY n."CredentialId", n."ResidenceGroup") AS "County"
            FROM numbered n
        ), standing AS (
            SELECT f."CredentialId", f."Day", f."Status", f."ResidenceState", f."County",
                   LAG(f."Status") OVER (PARTITION BY f."CredentialId" ORDER BY f."Day") AS "PreviousStatus",
                   LAG(f."ResidenceState") OVER (PARTITION BY f."CredentialId" ORDER BY f."Day") AS "PreviousResidenceState",
                   LAG(f."County") OVER (PARTITION BY f."CredentialId" ORDER BY f."Day") AS "PreviousCounty"
            FROM filled f
            WHERE f."FromLast" = 1 AND f."Status" IS NOT NULL
        ), contributions AS (
            SELECT d."CredentialId", d."Day", '{Status}' AS "Part", d."Status" AS "What", d."ResidenceState", d."County", 1 AS "Delta"
            FROM standing d
            UNION ALL
            SELECT d."CredentialId", d."Day", '{Status}', d."PreviousStatus", d."PreviousResidenceState", d."PreviousCounty", -1
            FROM standing d
            WHERE d."PreviousStatus" IS NOT NULL
            UNION ALL
            SELECT f."CredentialId", f."Day", '{Event}', f."Kind", d."ResidenceState", d."County", 1
            FROM filled f
            JOIN standing d ON d."CredentialId" = f."CredentialId" AND d."Day" = f."Day"
            WHERE f."Source" = 0 AND f."Kind" IN ({string.Join(", ", EventKinds.Select(SqlDialect.Text))})
        )
        """;
}

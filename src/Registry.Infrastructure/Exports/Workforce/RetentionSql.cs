using Registry.Application.Common.Interfaces;
using Registry.Domain.Jurisdictions;
using Registry.Infrastructure.Persistence;
using Registry.Infrastructure.Persistence.Providers;

namespace Registry.Infrastructure.Exports.Workforce;

/// <summary>
/// The retention aggregates as one SQL statement (see <see cref="Counts"/>); only the cohort's year is taken through the
/// <see cref="SqlDialect"/> (a date's text differs by provider).
/// </summary>
public sealed class RetentionSql(RegistryDbContext db) : IRetentionCounts
{
    public async Task<IReadOnlyList<RetentionCountRow>> RetentionCountsAsync(DateOnly to, IReadOnlyCollection<StateCode> states, CancellationToken cancellationToken)
    {
        if (states.Count == 0) return [];
        var rows = await db.Dialect.QueryAsync<Row>(db, Counts(db.Dialect, to, states), cancellationToken);
        return rows.Select(r => new RetentionCountRow(StateCode.Parse(r.State), r.Part, r.Key, r.What, (int)r.Count)).ToList();
    }

    /// <summary>
    /// On <paramref name="to"/>, reading only history, endorsements and answers dated on or before it: a credential's status
    /// is that of its last history row (ties by Sequence), its cohort the year of its first Issued row. A credential in force
    /// (active or on probation) has as its employment answer the latest one (by day answered, then time) given for its
    /// program by its holder in the 12 months up to <paramref name="to"/> at any occasion, skipped questions ignored; a
    /// latest answer of "prefer not to say" leaves it out. Endorsements count when granted by then and not withdrawn by
    /// then (with the credential in force, as <c>Credential.EndorsementsInForceOn</c>).
    /// </summary>
    internal static SqlStatement Counts(SqlDialect s, DateOnly to, IReadOnlyCollection<StateCode> states)
    {
        var parameters = new Dictionary<string, object?> { ["to"] = to, ["yearAgo"] = to.AddYears(-1) };
        var inStates = string.Join(", ", states.Select((state, i) =>
        {
            parameters["state" + i] = state.Value;
            return "@state" + i;
        }));
        return new SqlStatement("Workforce: retention counts", $"""
            WITH statuses AS (
                SELECT h."CredentialId", h."ToStatus",
                       ROW_NUMBER() OVER (PARTITION BY h."CredentialId" ORDER BY h."EffectiveOn" DESC, h."Sequence" DESC) AS "Rank"
                FROM "CredentialHistory" h
                JOIN "Credentials" c ON c."Id" = h."CredentialId"
                WHERE h."EffectiveOn" <= @to AND c."StateCode" IN ({inStates})
            ), cohorts AS (
                SELECT h."CredentialId", MIN(h."EffectiveOn") AS "FirstIssuedOn"
                FROM "CredentialHistory" h
                JOIN "Credentials" c ON c."Id" = h."CredentialId"
                WHERE h."Kind" = 'Issued' AND h."EffectiveOn" <= @to AND c."StateCode" IN ({inStates})
                GROUP BY h."CredentialId"
            ), held AS (
                SELECT c."Id", c."StateCode", c."HolderPersonId", c."ProgramId",
                       SUBSTRING({s.DateText("k.\"FirstIssuedOn\"")}, 1, 4) AS "Cohort",
                       CASE WHEN t."ToStatus" IN ('Active', 'Probation') THEN 1 ELSE 0 END AS "InForce"
                FROM "Credentials" c
                JOIN cohorts k ON k."CredentialId" = c."Id"
                JOIN statuses t ON t."CredentialId" = c."Id" AND t."Rank" = 1
            ), latest AS (
                SELECT h."Id" AS "CredentialId", r."Employment",
                       ROW_NUMBER() OVER (PARTITION BY h."Id" ORDER BY r."AnsweredOn" DESC, r."AnsweredAt" DESC, r."Id" DESC) AS "Rank"
                FROM held h
                JOIN "WorkforceSurveyResponses" r ON r."PersonId" = h."HolderPersonId" AND r."ProgramId" = h."ProgramId"
                WHERE h."InForce" = 1 AND r."Employment" IS NOT NULL AND r."AnsweredOn" <= @to AND r."AnsweredOn" > @yearAgo
            ), answers AS (
                SELECT h."Id", h."StateCode", h."Cohort", l."Employment"
                FROM latest l
                JOIN held h ON h."Id" = l."CredentialId"
                WHERE l."Rank" = 1 AND l."Employment" <> 'PreferNotToSay'
            ), endorsed AS (
                SELECT DISTINCT e."CredentialId", e."Code"
                FROM "CredentialEndorsements" e
                WHERE e."GrantedOn" <= @to AND (e."WithdrawnOn" IS NULL OR e."WithdrawnOn" > @to)
            )
            SELECT '{RetentionCountRow.State}' AS "Part", a."StateCode" AS "State", '' AS "Key", a."Employment" AS "What", CAST(COUNT(*) AS BIGINT) AS "Count"
            FROM answers a
            GROUP BY a."StateCode", a."Employment"
            UNION ALL
            SELECT '{RetentionCountRow.Endorsement}', a."StateCode", e."Code", a."Employment", CAST(COUNT(*) AS BIGINT)
            FROM answers a
            JOIN endorsed e ON e."CredentialId" = a."Id"
            GROUP BY a."StateCode", e."Code", a."Employment"
            UNION ALL
            SELECT '{RetentionCountRow.Cohort}', a."StateCode", a."Cohort", a."Employment", CAST(COUNT(*) AS BIGINT)
            FROM answers a
            GROUP BY a."StateCode", a."Cohort", a."Employment"
            UNION ALL
            SELECT '{RetentionCountRow.Attrition}', h."StateCode", h."Cohort",
                   CASE WHEN h."InForce" = 1 THEN '{RetentionCountRow.InForce}' ELSE '{RetentionCountRow.NotInForce}' END, CAST(COUNT(*) AS BIGINT)
            FROM held h
            GROUP BY h."StateCode", h."Cohort", h."InForce"
            """, parameters);
    }

    private sealed class Row
    {
        public string Part { get; init; } = "";
        public string State { get; init; } = "";
        public string Key { get; init; } = "";
        public string What { get; init; } = "";
        public long Count { get; init; }
    }
}

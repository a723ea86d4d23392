using Registry.Application.Common.Interfaces;
using Registry.Domain.Credentials;
using Registry.Domain.Jurisdictions;
using Registry.Domain.Workforce;
using Registry.Infrastructure.Persistence;
using Registry.Infrastructure.Persistence.Providers;

namespace Registry.Infrastructure.Exports.Workforce;

/// <summary>
/// Endorsement and minimum-data-set counts as SQL, one text for every provider (see <see cref="WorkforceSql"/> for
/// "status on a date"). Each works out the status on the day only for the credentials that can count (those with an
/// endorsement, or whose holder answered for their program), so its time follows those rather than every credential.
/// </summary>
public sealed class WorkforceDimensionsSql(RegistryDbContext db) : IWorkforceDimensions
{
    private SqlDialect Sql => db.Dialect;

    public async Task<IReadOnlyList<EndorsementCountRow>> EndorsementsInForceAsync(DateOnly on, IReadOnlyCollection<StateCode> states, CancellationToken cancellationToken)
    {
        if (states.Count == 0) return [];
        var rows = await Sql.QueryAsync<EndorsementRow>(db, EndorsementsInForce(on, states), cancellationToken);
        return rows.Select(r => new EndorsementCountRow(StateCode.Parse(r.State), r.ProgramId,
            StateCode.TryParse(r.ResidenceState, out var lives) ? lives : null, r.County is "" ? null : r.County, r.Code, (int)r.Count)).ToList();
    }

    public async Task<IReadOnlyList<EndorsementChangeRow>> EndorsementChangesAsync(DateOnly from, DateOnly to, IReadOnlyCollection<StateCode> states, CancellationToken cancellationToken)
    {
        if (states.Count == 0) return [];
        var rows = await Sql.QueryAsync<ChangeRow>(db, EndorsementChanges(from, to, states), cancellationToken);
        return rows.Select(r => new EndorsementChangeRow(StateCode.Parse(r.State), r.ProgramId, r.Code, (int)r.Granted, (int)r.Withdrawn)).ToList();
    }

    public async Task<IReadOnlyList<SurveyAnswerCountRow>> SurveyAnswersInForceAsync(DateOnly on, IReadOnlyCollection<StateCode> states, CancellationToken cancellationToken)
    {
        if (states.Count == 0) return [];
        var rows = await Sql.QueryAsync<AnswerRow>(db, SurveyAnswersInForce(Sql, on, states), cancellationToken);
        return rows.Select(r => new SurveyAnswerCountRow(StateCode.Parse(r.State), r.Question, r.Answer, (int)r.Count)).ToList();
    }

    internal static SqlStatement EndorsementsInForce(DateOnly on, IReadOnlyCollection<StateCode> states)
    {
        var parameters = new Dictionary<string, object?> { ["on"] = on };
        var scope = $"""
            SELECT c."Id", c."StateCode", c."ProgramId", c."HolderPersonId"
            FROM "Credentials" c
            WHERE c."StateCode" IN ({WorkforceSql.InList(parameters, states)})
              AND EXISTS (SELECT 1 FROM "CredentialEndorsements" e WHERE e."CredentialId" = c."Id" AND e."GrantedOn" <= @on)
            """;
        return new SqlStatement("Workforce: endorsements in force", $"""
            WITH {InForce(scope)},
            residence AS (
                SELECT r."PersonId", r."StateCode", r."County",
                       ROW_NUMBER() OVER (PARTITION BY r."PersonId" ORDER BY r."EffectiveOn" DESC, r."Sequence" DESC) AS "Rank"
                FROM "ResidenceHistory" r
                WHERE r."EffectiveOn" <= @on AND r."PersonId" IN (SELECT i."HolderPersonId" FROM inforce i)
            )
            SELECT i."StateCode" AS "State", i."ProgramId", COALESCE(r."StateCode", '') AS "ResidenceState", COALESCE(r."County", '') AS "County",
                   e."Code", CAST(COUNT(*) AS BIGINT) AS "Count"
            FROM inforce i
            JOIN "CredentialEndorsements" e ON e."CredentialId" = i."Id" AND e."GrantedOn" <= @on AND (e."WithdrawnOn" IS NULL OR e."WithdrawnOn" > @on)
            LEFT JOIN residence r ON r."PersonId" = i."HolderPersonId" AND r."Rank" = 1
            GROUP BY i."StateCode", i."ProgramId", r."StateCode", r."County", e."Code"
            """, parameters);
    }

    internal static SqlStatement EndorsementChanges(DateOnly from, DateOnly to, IReadOnlyCollection<StateCode> states)
    {
        var parameters = new Dictionary<string, object?> { ["from"] = from, ["to"] = to };
        return new SqlStatement("Workforce: endorsements granted and withdrawn", $"""
            SELECT c."StateCode" AS "State", c."ProgramId", e."Code",
                   CAST(SUM(CASE WHEN e."GrantedOn" >= @from AND e."GrantedOn" <= @to THEN 1 ELSE 0 END) AS BIGINT) AS "Granted",
                   CAST(SUM(CASE WHEN e."WithdrawnOn" >= @from AND e."WithdrawnOn" <= @to THEN 1 ELSE 0 END) AS BIGINT) AS "Withdrawn"
            FROM "CredentialEndorsements" e
            JOIN "Credentials" c ON c."Id" = e."CredentialId"
            WHERE c."StateCode" IN ({WorkforceSql.InList(parameters, states)})
              AND ((e."GrantedOn" >= @from AND e."GrantedOn" <= @to) OR (e."WithdrawnOn" >= @from AND e."WithdrawnOn" <= @to))
            GROUP BY c."StateCode", c."ProgramId", e."Code"
            """, parameters);
    }

    internal static SqlStatement SurveyAnswersInForce(SqlDialect sql, DateOnly on, IReadOnlyCollection<StateCode> states)
    {
        // Answers about work older than a year say little about work now; who a person is does not age.
        var parameters = new Dictionary<string, object?> { ["on"] = on, ["workSince"] = on.AddYears(-1), ["declined"] = true, ["pulse"] = nameof(SurveyOccasion.AnnualPulse) };
        var scope = $"""
            SELECT c."Id", c."StateCode", c."ProgramId", c."HolderPersonId"
            FROM "Credentials" c
            WHERE c."StateCode" IN ({WorkforceSql.InList(parameters, states)})
              AND EXISTS (SELECT 1 FROM "WorkforceSurveyResponses" a WHERE a."PersonId" = c."HolderPersonId" AND a."ProgramId" = c."ProgramId" AND a."AnsweredOn" <= @on)
            """;
        string Latest(string occasions) => $"""
            SELECT a.*, ROW_NUMBER() OVER (PARTITION BY a."PersonId", a."ProgramId" ORDER BY a."AnsweredOn" DESC, a."AnsweredAt" DESC, a."Id" DESC) AS "Rank"
            FROM "WorkforceSurveyResponses" a
            WHERE a."AnsweredOn" <= @on AND {occasions}
            """;
        string Count(string question, string answer, string answered) => $"""
            SELECT x."StateCode" AS "State", '{question}' AS "Question", {answer} AS "Answer", CAST(COUNT(*) AS BIGINT) AS "Count"
            FROM counted x
            WHERE {answered}
            GROUP BY x."StateCode", {answer}
            """;
        var counts = string.Join("\nUNION ALL\n", new[]
        {
            Count(SurveyQuestions.RaceEthnicity, sql.IntText("x.\"RaceEthnicity\""), "x.\"RaceEthnicity\" IS NOT NULL"),
            Count(SurveyQuestions.Gender, "x.\"Gender\"", "x.\"Gender\" IS NOT NULL"),
            Count(SurveyQuestions.Languages, sql.IntText("x.\"Languages\""), "x.\"Languages\" IS NOT NULL"),
            Count(SurveyQuestions.Veteran, "x.\"Veteran\"", "x.\"Veteran\" IS NOT NULL"),
            Count(SurveyQuestions.Education, "x.\"Education\"", "x.\"Education\" IS NOT NULL"),
            Count(SurveyQuestions.Employment, "x.\"Employment\"", "x.\"Employment\" IS NOT NULL"),
            Count(SurveyQuestions.Setting, "x.\"Setting\"", "x.\"Setting\" IS NOT NULL"),
            Count(SurveyQuestions.Hours, "x.\"Hours\"", "x.\"Hours\" IS NOT NULL"),
        });
        // Who the person is: their latest application's or renewal's answers (a question skipped there stays skipped).
        // Their work: the latest answers of any occasion in the last year.
        return new SqlStatement("Workforce: minimum data set answers in force", $"""
            WITH {InForce(scope)},
            person AS (
            {Latest("a.\"Occasion\" <> @pulse")}
            ), work AS (
            {Latest("a.\"AnsweredOn\" > @workSince")}
            ), counted AS (
                SELECT i."StateCode", p."RaceEthnicity", p."Gender", p."Languages", p."Veteran", p."Education",
                       w."Employment", w."Setting",
                       CASE WHEN w."HoursDeclined" = @declined THEN '{SurveyQuestions.Declined}' ELSE {sql.IntText("w.\"HoursPerWeek\"")} END AS "Hours"
                FROM inforce i
                LEFT JOIN person p ON p."PersonId" = i."HolderPersonId" AND p."ProgramId" = i."ProgramId" AND p."Rank" = 1
                LEFT JOIN work w ON w."PersonId" = i."HolderPersonId" AND w."ProgramId" = i."ProgramId" AND w."Rank" = 1
            )
            {counts}
            """, parameters);
    }

    /// <summary>
    /// Common table expressions ending in <c>inforce</c>: the credentials of <paramref name="scope"/> (a SELECT of Id,
    /// StateCode, ProgramId, HolderPersonId) whose status on <c>@on</c> is active or on probation.
    /// </summary>
    private static string InForce(string scope) => $"""
        scope AS (
        {scope}
        ), standing AS (
            SELECT h."CredentialId", h."ToStatus",
                   ROW_NUMBER() OVER (PARTITION BY h."CredentialId" ORDER BY h."EffectiveOn" DESC, h."Sequence" DESC) AS "Rank"
            FROM "CredentialHistory" h
            JOIN scope s ON s."Id" = h."CredentialId"
            WHERE h."EffectiveOn" <= @on AND h."ToStatus" IS NOT NULL
        ), inforce AS (
            SELECT s."Id", s."StateCode", s."ProgramId", s."HolderPersonId"
            FROM scope s
            JOIN standing t ON t."CredentialId" = s."Id" AND t."Rank" = 1
            WHERE t."ToStatus" IN ('{nameof(CredentialStatus.Active)}', '{nameof(CredentialStatus.Probation)}')
        )
        """;

    private sealed class EndorsementRow
    {
        public string State { get; init; } = "";
        public Guid ProgramId { get; init; }
        public string ResidenceState { get; init; } = "";
        public string County { get; init; } = "";
        public string Code { get; init; } = "";
        public long Count { get; init; }
    }

    private sealed class ChangeRow
    {
        public string State { get; init; } = "";
        public Guid ProgramId { get; init; }
        public string Code { get; init; } = "";
        public long Granted { get; init; }
        public long Withdrawn { get; init; }
    }

    private sealed class AnswerRow
    {
        public string State { get; init; } = "";
        public string Question { get; init; } = "";
        public string Answer { get; init; } = "";
        public long Count { get; init; }
    }
}

using Registry.Application.Common.Interfaces;
using Registry.Domain.Credentials;
using Registry.Domain.Jurisdictions;
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
            WHERE c."StateCode" IN ({InList(parameters, states)})
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

    internal static SqlStatement SurveyAnswersInForce(SqlDialect sql, DateOnly on, IReadOnlyCollection<StateCode> states)
    {
        // Answers about work older than a year say little about work now; who a person is does not age.
        var parameters = new Dictionary<string, object?> { ["on"] = on, ["workSince"] = on.AddYears(-1), ["declined"] = true };
        var scope = $"""
            SELECT c."Id", c."StateCode", c."ProgramId", c."HolderPersonId"
            FROM "Credentials" c
            WHERE c."StateCode" IN ({InList(parameters, states)})
              AND EXISTS (SELECT 1 FROM "WorkforceSurveyResponses" a WHERE a."PersonId" = c."HolderPersonId" AND a."ProgramId" = c."ProgramId" AND a."AnsweredOn" <= @on)
            """;
        string Question(string question, string answer, string answered, bool aboutWork) => $"""
            SELECT a."PersonId", a."ProgramId", a."AnsweredOn", a."AnsweredAt", a."Id", '{question}' AS "Question", {answer} AS "Answer"
            FROM "WorkforceSurveyResponses" a
            WHERE {answered} AND a."AnsweredOn" <= @on{(aboutWork ? " AND a.\"AnsweredOn\" > @workSince" : "")}
            """;
        var answers = string.Join("\nUNION ALL\n", new[]
        {
            Question(SurveyQuestions.RaceEthnicity, sql.IntText("a.\"RaceEthnicity\""), "a.\"RaceEthnicity\" IS NOT NULL", aboutWork: false),
            Question(SurveyQuestions.Gender, "a.\"Gender\"", "a.\"Gender\" IS NOT NULL", aboutWork: false),
            Question(SurveyQuestions.Languages, sql.IntText("a.\"Languages\""), "a.\"Languages\" IS NOT NULL", aboutWork: false),
            Question(SurveyQuestions.Veteran, "a.\"Veteran\"", "a.\"Veteran\" IS NOT NULL", aboutWork: false),
            Question(SurveyQuestions.Education, "a.\"Education\"", "a.\"Education\" IS NOT NULL", aboutWork: false),
            Question(SurveyQuestions.Employment, "a.\"Employment\"", "a.\"Employment\" IS NOT NULL", aboutWork: true),
            Question(SurveyQuestions.Setting, "a.\"Setting\"", "a.\"Setting\" IS NOT NULL", aboutWork: true),
            Question(SurveyQuestions.Hours, $"CASE WHEN a.\"HoursDeclined\" = @declined THEN '{SurveyQuestions.Declined}' ELSE {sql.IntText("a.\"HoursPerWeek\"")} END",
                $"(a.\"HoursPerWeek\" IS NOT NULL OR a.\"HoursDeclined\" = @declined)", aboutWork: true),
        });
        return new SqlStatement("Workforce: minimum data set answers in force", $"""
            WITH {InForce(scope)},
            answers AS (
            {answers}
            ), latest AS (
                SELECT x."PersonId", x."ProgramId", x."Question", x."Answer",
                       ROW_NUMBER() OVER (PARTITION BY x."PersonId", x."ProgramId", x."Question" ORDER BY x."AnsweredOn" DESC, x."AnsweredAt" DESC, x."Id" DESC) AS "Rank"
                FROM answers x
            )
            SELECT i."StateCode" AS "State", l."Question", l."Answer", CAST(COUNT(*) AS BIGINT) AS "Count"
            FROM inforce i
            JOIN latest l ON l."PersonId" = i."HolderPersonId" AND l."ProgramId" = i."ProgramId" AND l."Rank" = 1
            GROUP BY i."StateCode", l."Question", l."Answer"
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

    private static string InList(Dictionary<string, object?> parameters, IEnumerable<StateCode> states) =>
        string.Join(", ", states.Select((state, i) =>
        {
            parameters["state" + i] = state.Value;
            return "@state" + i;
        }));

    private sealed class EndorsementRow
    {
        public string State { get; init; } = "";
        public Guid ProgramId { get; init; }
        public string ResidenceState { get; init; } = "";
        public string County { get; init; } = "";
        public string Code { get; init; } = "";
        public long Count { get; init; }
    }

    private sealed class AnswerRow
    {
        public string State { get; init; } = "";
        public string Question { get; init; } = "";
        public string Answer { get; init; } = "";
        public long Count { get; init; }
    }
}

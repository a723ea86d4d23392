using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Registry.Infrastructure.Persistence.Providers;

public sealed class PostgresDialect : SqlDialect
{
    public override string Q(string name) => $"\"{name}\"";

    public override bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public override string NewId => "gen_random_uuid()";
    public override string AddDays(string date, int days) => $"({date} + {days})";
    public override string Concat(params string[] parts) => $"concat({string.Join(", ", parts)})";
    public override string DateText(string date) => $"to_char({date}, 'YYYY-MM-DD')";
    public override string GuidText(string guid) => $"CAST({guid} AS text)";
    public override string IntText(string value) => $"CAST({value} AS text)";
    public override string Newline => "chr(10)";
    public override string StringAgg(string text, string separator, string orderBy) => $"string_agg({text}, {separator} ORDER BY {orderBy})";
    public override string LockStatement(string name) => $"SELECT pg_advisory_xact_lock(hashtext({Text(name)}))";

    public override string JsonObject(params (string Name, string Value)[] properties) =>
        $"json_build_object({string.Join(", ", properties.Select(p => $"{Text(p.Name)}, {p.Value}"))})";

    public override string JsonArrayAgg(string jsonObject, string orderBy) => $"json_agg({jsonObject} ORDER BY {orderBy})";

    public override string JsonText(string json) => $"CAST({json} AS text)";
    public override string JsonInt(string json, string property) => $"CAST({json} ->> {Text(property)} AS integer)";

    public override string DaysBetween(string start, string end) =>
        $"(CAST({end} AT TIME ZONE 'UTC' AS date) - CAST({start} AT TIME ZONE 'UTC' AS date))";
}

using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;

namespace Registry.Infrastructure.Persistence.Providers;

public sealed class SqlServerDialect : SqlDialect
{
    public override string Q(string name) => $"[{name}]";

    public override bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is SqlException { Number: 2601 or 2627 };

    public override string NewId => "NEWID()";
    public override string AddDays(string date, int days) => $"DATEADD(day, {days}, {date})";
    public override string Concat(params string[] parts) => $"CONCAT({string.Join(", ", parts)})";
    public override string DateText(string date) => $"CONVERT(char(10), {date}, 23)";
    public override string GuidText(string guid) => $"LOWER(CONVERT(char(36), {guid}))";
    public override string IntText(string value) => $"CONVERT(varchar(11), {value})";
    public override string Newline => "CHAR(10)";
    public override string JsonInt(string json, string property) => $"CAST(JSON_VALUE({json}, {Text("$." + property)}) AS int)";

    public override string StringAgg(string text, string separator, string orderBy) =>
        $"STRING_AGG(CONVERT(nvarchar(max), {text}), {separator}) WITHIN GROUP (ORDER BY {orderBy})";

    public override string LockStatement(string name) =>
        $"EXEC sp_getapplock @Resource = {Text(name)}, @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = -1";

    // JSON_OBJECT needs SQL Server 2022 (or Azure SQL); JSON_QUERY keeps the aggregated array JSON rather than a string.
    public override string JsonObject(params (string Name, string Value)[] properties) =>
        $"JSON_OBJECT({string.Join(", ", properties.Select(p => $"{Text(p.Name)}: {p.Value}"))})";

    public override string JsonArrayAgg(string jsonObject, string orderBy) =>
        $"JSON_QUERY(CONCAT('[', STRING_AGG(CONVERT(nvarchar(max), {jsonObject}), ',') WITHIN GROUP (ORDER BY {orderBy}), ']'))";

    public override string DaysBetween(string start, string end) =>
        $"DATEDIFF(day, CAST(SWITCHOFFSET({start}, '+00:00') AS date), CAST(SWITCHOFFSET({end}, '+00:00') AS date))";

    public override string Accumulate(string table, IReadOnlyList<string> keys, string amount, string with, string rows) => $"""
        WITH {with}
        MERGE {Q(table)} AS t
        USING ({rows}) AS r ({string.Join(", ", keys.Select(Q))}, {Q(amount)})
        ON {string.Join(" AND ", keys.Select(k => $"t.{Q(k)} = r.{Q(k)}"))}
        WHEN MATCHED THEN UPDATE SET {Q(amount)} = t.{Q(amount)} + r.{Q(amount)}
        WHEN NOT MATCHED THEN INSERT ({string.Join(", ", keys.Select(Q))}, {Q(amount)}) VALUES ({string.Join(", ", keys.Select(k => "r." + Q(k)))}, r.{Q(amount)});
        """;
}

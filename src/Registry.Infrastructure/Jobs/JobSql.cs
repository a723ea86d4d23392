using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Registry.Infrastructure.Jobs;

/// <summary>
/// The few SQL spellings that differ between the providers, for the jobs' set-based statements, and a way
/// to run a statement with named parameters (<c>@name</c>) through EF Core, so values are typed as EF stores them.
/// </summary>
internal abstract partial class JobSql
{
    public static JobSql For(DbContext db) => db.Database.ProviderName switch
    {
        "Npgsql.EntityFrameworkCore.PostgreSQL" => new PostgresJobSql(),
        "Microsoft.EntityFrameworkCore.SqlServer" => new SqlServerJobSql(),
        "Microsoft.EntityFrameworkCore.Sqlite" => new SqliteJobSql(),
        var other => throw new NotSupportedException($"No job SQL for provider {other}."),
    };

    /// <summary>A quoted identifier.</summary>
    public abstract string Q(string name);

    /// <summary>A new random id, one per row.</summary>
    public abstract string NewId { get; }

    public abstract string AddDays(string date, int days);

    /// <summary>Concatenation of non-null text.</summary>
    public abstract string Concat(params string[] parts);

    /// <summary>A date as yyyy-MM-dd text.</summary>
    public abstract string DateText(string date);

    /// <summary>A Guid as the lower-case text <see cref="Guid.ToString()"/> gives (as audit entries hold ids).</summary>
    public abstract string GuidText(string guid);

    public abstract string IntText(string value);

    public abstract string Newline { get; }

    public abstract string StringAgg(string text, string separator, string orderBy);

    /// <summary>A statement that takes a lock for the rest of the transaction, so one run of a job at a time does its work.</summary>
    public abstract string LockStatement(string name);

    /// <summary>The later of two dates.</summary>
    public string Later(string a, string b) => $"CASE WHEN {a} > {b} THEN {a} ELSE {b} END";

    /// <summary>The value a timestamp parameter takes (SQLite stores them as numbers).</summary>
    public virtual object Timestamp(DateTimeOffset at) => at;

    /// <summary>Runs <paramref name="sql"/>, replacing each <c>@name</c> of <paramref name="parameters"/> with a typed parameter.</summary>
    public Task<int> ExecuteAsync(DbContext db, string sql, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken)
    {
        var values = new List<object?>();
        var escaped = sql.Replace("{", "{{").Replace("}", "}}");
        var text = ParameterName().Replace(escaped, match =>
        {
            var name = match.Groups[1].Value;
            if (!parameters.TryGetValue(name, out var value)) return match.Value;
            values.Add(value);
            return "{" + (values.Count - 1) + "}";
        });
        return db.Database.ExecuteSqlRawAsync(text, values!, cancellationToken);
    }

    /// <summary>A text literal (for fixed wording inside statements).</summary>
    public static string Text(string value) => "'" + value.Replace("'", "''") + "'";

    [GeneratedRegex(@"@([A-Za-z][A-Za-z0-9]*)")]
    private static partial Regex ParameterName();
}

internal sealed class PostgresJobSql : JobSql
{
    public override string Q(string name) => $"\"{name}\"";
    public override string NewId => "gen_random_uuid()";
    public override string AddDays(string date, int days) => $"({date} + {days})";
    public override string Concat(params string[] parts) => $"concat({string.Join(", ", parts)})";
    public override string DateText(string date) => $"to_char({date}, 'YYYY-MM-DD')";
    public override string GuidText(string guid) => $"CAST({guid} AS text)";
    public override string IntText(string value) => $"CAST({value} AS text)";
    public override string Newline => "chr(10)";
    public override string StringAgg(string text, string separator, string orderBy) => $"string_agg({text}, {separator} ORDER BY {orderBy})";
    public override string LockStatement(string name) => $"SELECT pg_advisory_xact_lock(hashtext({Text(name)}))";
}

internal sealed class SqlServerJobSql : JobSql
{
    public override string Q(string name) => $"[{name}]";
    public override string NewId => "NEWID()";
    public override string AddDays(string date, int days) => $"DATEADD(day, {days}, {date})";
    public override string Concat(params string[] parts) => $"CONCAT({string.Join(", ", parts)})";
    public override string DateText(string date) => $"CONVERT(char(10), {date}, 23)";
    public override string GuidText(string guid) => $"LOWER(CONVERT(char(36), {guid}))";
    public override string IntText(string value) => $"CONVERT(varchar(11), {value})";
    public override string Newline => "CHAR(10)";
    public override string StringAgg(string text, string separator, string orderBy) =>
        $"STRING_AGG(CONVERT(nvarchar(max), {text}), {separator}) WITHIN GROUP (ORDER BY {orderBy})";
    public override string LockStatement(string name) =>
        $"EXEC sp_getapplock @Resource = {Text(name)}, @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = -1";
}

internal sealed class SqliteJobSql : JobSql
{
    private static readonly DateTimeOffsetToBinaryConverter Binary = new();

    public override string Q(string name) => $"\"{name}\"";

    // Upper-case text, as EF Core stores Guids on SQLite; randomblob is evaluated per row.
    public override string NewId =>
        "upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(6)))";

    public override string AddDays(string date, int days) => $"date({date}, '{(days >= 0 ? "+" : "")}{days} days')";
    public override string Concat(params string[] parts) => "(" + string.Join(" || ", parts.Select(p => $"coalesce({p}, '')")) + ")";
    public override string DateText(string date) => date;
    public override string GuidText(string guid) => $"lower({guid})";
    public override string IntText(string value) => $"CAST({value} AS TEXT)";
    public override string Newline => "char(10)";
    public override string StringAgg(string text, string separator, string orderBy) => $"group_concat({text}, {separator} ORDER BY {orderBy})";

    // Any write takes SQLite's single write lock for the rest of the transaction.
    public override string LockStatement(string name) => "UPDATE \"RenewalReminders\" SET \"DaysBefore\" = \"DaysBefore\" WHERE 0 = 1";

    public override object Timestamp(DateTimeOffset at) => Binary.ConvertToProvider(at)!;
}

/// <summary>The calendar day the jobs act on.</summary>
public static class RegistryDay
{
    /// <summary>
    /// A date has passed everywhere in the United States only once it has passed in its westernmost time zone
    /// (Hawaii, UTC−10, no daylight saving): so no credential expires early anywhere.
    /// </summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(-10);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Offset).DateTime);
}

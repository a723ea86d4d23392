using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Registry.Infrastructure.Persistence.Providers;

/// <summary>
/// The SQL spellings that differ between the providers, in one place for every hand-written statement (the
/// jobs' set-based statements, the workforce aggregates, filtered indexes), and a way to run a statement with
/// named parameters (<c>@name</c>) through EF Core, so values are typed as EF stores them. Each provider's
/// context names its dialect (<see cref="RegistryDbContext.Dialect"/>).
/// </summary>
public abstract partial class SqlDialect
{
    public static readonly SqlDialect Postgres = new PostgresDialect(), SqlServer = new SqlServerDialect(), Sqlite = new SqliteDialect();

    /// <summary>A quoted identifier.</summary>
    public abstract string Q(string name);

    /// <summary>Whether saving failed on a unique index.</summary>
    public abstract bool IsUniqueViolation(DbUpdateException exception);

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

    /// <summary>Whole UTC calendar days from one timestamp column to another.</summary>
    public abstract string DaysBetween(string start, string end);

    /// <summary>A JSON object of named values (text, numbers, or other JSON from these methods), for a message's payload.</summary>
    public abstract string JsonObject(params (string Name, string Value)[] properties);

    /// <summary>The JSON array of <paramref name="jsonObject"/> over a group's rows, in order; for use inside <see cref="JsonObject"/>.</summary>
    public abstract string JsonArrayAgg(string jsonObject, string orderBy);

    /// <summary>The whole number a JSON column holds under a top-level property.</summary>
    public abstract string JsonInt(string json, string property);

    /// <summary>A JSON value as the text a column stores.</summary>
    public virtual string JsonText(string json) => json;

    /// <summary>The later of two dates.</summary>
    public string Later(string a, string b) => $"CASE WHEN {a} > {b} THEN {a} ELSE {b} END";

    /// <summary>
    /// Adds each of <paramref name="rows"/>' amounts to the row of <paramref name="table"/> with the same keys, inserting the
    /// rows not there yet. <paramref name="rows"/> is a SELECT of the keys then the amount (with a WHERE clause, for
    /// SQLite's parser), reading the common table expressions <paramref name="with"/>.
    /// </summary>
    public virtual string Accumulate(string table, IReadOnlyList<string> keys, string amount, string with, string rows) => $"""
        WITH {with}
        INSERT INTO {Q(table)} ({string.Join(", ", keys.Select(Q))}, {Q(amount)})
        {rows}
        ON CONFLICT ({string.Join(", ", keys.Select(Q))}) DO UPDATE SET {Q(amount)} = {Q(table)}.{Q(amount)} + excluded.{Q(amount)}
        """;

    /// <summary>The value a timestamp parameter takes (SQLite stores them as numbers).</summary>
    public virtual object Timestamp(DateTimeOffset at) => at;

    /// <summary>The statement that takes <see cref="LockStatement"/>'s lock.</summary>
    public SqlStatement Lock(string name) => new SqlStatement("Lock", LockStatement(name), SqlStatement.NoParameters);

    /// <summary>Runs <paramref name="statement"/>, each <c>@name</c> of its parameters bound as a typed parameter.</summary>
    public Task<int> ExecuteAsync(DbContext db, SqlStatement statement, CancellationToken cancellationToken)
    {
        var (text, values) = Positional(statement);
        return db.Database.ExecuteSqlRawAsync(text, values, cancellationToken);
    }

    /// <summary>The rows <paramref name="statement"/> reads, bound as <see cref="ExecuteAsync"/> binds.</summary>
    public Task<List<T>> QueryAsync<T>(DbContext db, SqlStatement statement, CancellationToken cancellationToken)
    {
        var (text, values) = Positional(statement);
        return db.Database.SqlQueryRaw<T>(text, values).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The rows <paramref name="statement"/> reads, sent as a relational command on the context's connection (in its
    /// transaction, if any) without EF Core's query pipeline: no query compiled, no shaper, no buffering, while the
    /// context's interceptors, logging and metrics see the command as they see every other. Each <c>@name</c> is bound
    /// as EF Core binds a plain value; <paramref name="row"/> reads the provider's own types. For the hottest reads
    /// only (verification's), where EF Core's query pipeline costs more than the statement.
    /// </summary>
    public static async Task<List<T>> ReadAsync<T>(DbContext db, SqlStatement statement, Func<DbDataReader, T> row, CancellationToken cancellationToken)
    {
        var builder = db.GetService<IRelationalCommandBuilderFactory>().Create().Append(statement.Text);
        var mappings = db.GetService<IRelationalTypeMappingSource>();
        foreach (var (name, value) in statement.Parameters)
            builder.AddParameter(name, "@" + name, mappings.FindMapping(value?.GetType() ?? typeof(string))!, nullable: value is null);
        var parameters = new RelationalCommandParameterObject(db.GetService<IRelationalConnection>(), statement.Parameters, null, db,
            db.GetService<IRelationalCommandDiagnosticsLogger>(), CommandSource.FromSqlQuery);
        var rows = new List<T>();
        await using var reader = await builder.Build().ExecuteReaderAsync(parameters, cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) rows.Add(row(reader.DbDataReader));
        return rows;
    }

    /// <summary>EF Core's form of a statement: <c>{0}</c>, <c>{1}</c>… for the parameters (in order of use), other braces doubled.</summary>
    private static (string Text, object[] Values) Positional(SqlStatement statement)
    {
        var values = new List<object>();
        var escaped = statement.Text.Replace("{", "{{").Replace("}", "}}");
        var text = ParameterName().Replace(escaped, match =>
        {
            var name = match.Groups[1].Value;
            if (!statement.Parameters.TryGetValue(name, out var value)) return match.Value;
            values.Add(value!);
            return "{" + (values.Count - 1) + "}";
        });
        return (text, [.. values]);
    }

    /// <summary>A text literal (for fixed wording inside statements).</summary>
    public static string Text(string value) => "'" + value.Replace("'", "''") + "'";

    [GeneratedRegex(@"@([A-Za-z][A-Za-z0-9]*)")]
    private static partial Regex ParameterName();
}

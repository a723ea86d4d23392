using System.Data.Common;
using System.Diagnostics;
using System.Net.Sockets;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL;
using Registry.Infrastructure.Persistence.Providers;

namespace Registry.Infrastructure.Persistence;

/// <summary>
/// The database cannot be reached (stopped, failing over, out of connections, the network cut): requests are answered
/// 503 while it lasts, and the first broken connection empties its pool: the idle connections beside it are as dead, and
/// a retry that took them one by one would spend the retry budget on them.
/// </summary>
public static class DatabaseOutage
{
    /// <summary>
    /// Whether <paramref name="exception"/>, or any exception inside it, says the database is unreachable or busy
    /// (as opposed to a bug or a refused statement): a dropped or refused connection, a timeout, a transient
    /// error, or retries given up.
    /// </summary>
    public static bool IsCause(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is AggregateException aggregate) return aggregate.InnerExceptions.Any(IsCause);
            if (e is RetryLimitExceededException or SocketException or TimeoutException) return true;
            if (e is PostgresException postgres) return postgres.IsTransient || postgres.SqlState.StartsWith("08", StringComparison.Ordinal);
            if (e is NpgsqlException npgsql && npgsql.IsTransient) return true;
            if (e is SqlException sql && (sql.IsTransient || SqlServerUnreachable.Contains(sql.Number))) return true;
            if (e is SqliteException { SqliteErrorCode: 5 or 6 }) return true; // SQLITE_BUSY, SQLITE_LOCKED
        }
        return false;
    }

    /// <summary>
    /// Whether the connection itself broke (reset, refused, timed out, or the server shut it), rather than one
    /// statement failing on a healthy connection (a deadlock victim, say).
    /// </summary>
    internal static bool IsBrokenConnection(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SocketException or IOException or TimeoutException) return true;
            if (e is PostgresException postgres) return postgres.SqlState.StartsWith("08", StringComparison.Ordinal) || postgres.SqlState.StartsWith("57P", StringComparison.Ordinal);
            if (e is SqlException sql) return sql.Number != 1205 && SqlServerUnreachable.Contains(sql.Number);
        }
        return false;
    }

    /// <summary>The pool of <paramref name="connection"/> is emptied: its idle connections may all be dead.</summary>
    internal static void ClearPoolOf(DbConnection connection)
    {
        switch (connection)
        {
            case NpgsqlConnection npgsql:
                NpgsqlConnection.ClearPool(npgsql);
                break;
            case SqlConnection sql:
                SqlConnection.ClearPool(sql);
                break;
        }
    }

    /// <summary>SQL Server's numbers for a server that cannot be reached or is not accepting connections now.</summary>
    private static readonly HashSet<int> SqlServerUnreachable = [-2, 2, 53, 121, 233, 1205, 4060, 10053, 10054, 10060, 10061, 10928, 10929, 11001, 40197, 40501, 40613, 49918, 49919, 49920];

    /// <summary>
    /// The connection string with a short connect timeout (<c>Database:ConnectTimeout</c>, 5 s by default) unless it
    /// names one itself: an unreachable server is noticed in seconds, not after the drivers' 15 s.
    /// </summary>
    public static string WithConnectTimeout(string connectionString, DatabaseProvider provider, TimeSpan timeout)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds));
        var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
        string[] names = provider switch
        {
            DatabaseProvider.Postgres => ["Timeout"],
            DatabaseProvider.SqlServer => ["Connect Timeout", "Connection Timeout", "Timeout"],
            _ => [],
        };
        if (names.Length == 0 || names.Any(builder.ContainsKey)) return connectionString;
        builder[names[0]] = seconds;
        return builder.ConnectionString;
    }

    /// <summary>
    /// Retries stop once the next attempt would begin after <paramref name="budget"/> from the first, whatever the
    /// count allows: the caller is answered (503) within the budget instead of waiting out every back-off.
    /// </summary>
    internal sealed class RetryBudget(TimeSpan budget)
    {
        private long _started;

        public void Start() => _started = Stopwatch.GetTimestamp();

        public TimeSpan? Within(TimeSpan? delay) =>
            delay is { } next && Stopwatch.GetElapsedTime(_started) + next <= budget ? next : null;
    }
}

/// <summary>PostgreSQL's retrying strategy (dropped connections, failovers) within <see cref="DatabaseOutage.RetryBudget"/>.</summary>
internal sealed class PostgresRetryWithinBudget(ExecutionStrategyDependencies dependencies, int retries, TimeSpan maxDelay, TimeSpan budget)
    : NpgsqlRetryingExecutionStrategy(dependencies, retries, maxDelay, errorCodesToAdd: null)
{
    private readonly DatabaseOutage.RetryBudget _budget = new(budget);

    protected override void OnFirstExecution()
    {
        base.OnFirstExecution();
        _budget.Start();
    }

    protected override TimeSpan? GetNextDelay(Exception lastException) => _budget.Within(base.GetNextDelay(lastException));
}

/// <summary>SQL Server's retrying strategy (failovers, transient errors, deadlock victims) within <see cref="DatabaseOutage.RetryBudget"/>.</summary>
internal sealed class SqlServerRetryWithinBudget(ExecutionStrategyDependencies dependencies, int retries, TimeSpan maxDelay, TimeSpan budget)
    : SqlServerRetryingExecutionStrategy(dependencies, retries, maxDelay, errorNumbersToAdd: null)
{
    private readonly DatabaseOutage.RetryBudget _budget = new(budget);

    protected override void OnFirstExecution()
    {
        base.OnFirstExecution();
        _budget.Start();
    }

    protected override TimeSpan? GetNextDelay(Exception lastException) => _budget.Within(base.GetNextDelay(lastException));
}

/// <summary>A command or an opening that failed on a broken connection empties the connection's pool.</summary>
public sealed class BrokenConnectionInterceptor : IDbCommandInterceptor, IDbConnectionInterceptor
{
    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => ClearIfBroken(eventData.Connection, eventData.Exception);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ClearIfBroken(eventData.Connection, eventData.Exception);
        return Task.CompletedTask;
    }

    public void ConnectionFailed(DbConnection connection, ConnectionErrorEventData eventData) => ClearIfBroken(connection, eventData.Exception);

    public Task ConnectionFailedAsync(DbConnection connection, ConnectionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ClearIfBroken(connection, eventData.Exception);
        return Task.CompletedTask;
    }

    private static void ClearIfBroken(DbConnection? connection, Exception exception)
    {
        if (connection is not null && DatabaseOutage.IsBrokenConnection(exception)) DatabaseOutage.ClearPoolOf(connection);
    }
}

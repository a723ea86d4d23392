using Npgsql;

namespace Registry.Bench.Running;

/// <summary>
/// PostgreSQL's own count of the statements run in the bench database: the calls pg_stat_statements has recorded
/// there (bench/run.sh's cluster loads it and tracks top-level plannable statements only, so BEGIN, COMMIT and
/// Npgsql's DISCARD ALL are not counted). This reading's own statement is left out.
/// </summary>
public sealed class PostgresStatements(string connectionString) : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = true, MaxPoolSize = 1 }.ConnectionString);

    /// <summary>The calls so far, or null with the reason when pg_stat_statements is not there (another cluster than run.sh's).</summary>
    public async Task<(long? Calls, string? Unavailable)> CallsAsync(CancellationToken ct)
    {
        try
        {
            await using var command = _dataSource.CreateCommand("""
                SELECT COALESCE(SUM(calls), 0)::bigint FROM pg_stat_statements
                WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND toplevel AND query NOT LIKE '%pg_stat_statements%'
                """);
            return ((long)(await command.ExecuteScalarAsync(ct))!, null);
        }
        catch (PostgresException e)
        {
            return (null, e.MessageText);
        }
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}

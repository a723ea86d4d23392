using Npgsql;

namespace Registry.Bench.Generation;

/// <summary>
/// The usual PostgreSQL bulk-load practice: foreign keys and secondary indexes of the loaded tables are
/// dropped before the COPY and recreated, from their own definitions, after it, which checks every
/// key once in a join instead of row by row. The schema ends exactly as the migrations made it.
/// </summary>
public sealed class BulkLoadWindow
{
    private readonly List<(string Table, string Name, string Definition)> _foreignKeys = [];
    private readonly List<(string Name, string Definition)> _indexes = [];

    private BulkLoadWindow() { }

    public static async Task<BulkLoadWindow> OpenAsync(NpgsqlDataSource dataSource, IReadOnlyCollection<string> tables, CancellationToken ct)
    {
        var window = new BulkLoadWindow();
        await using (var command = dataSource.CreateCommand("""
            SELECT c.conrelid::regclass::text, quote_ident(c.conname), pg_get_constraintdef(c.oid)
            FROM pg_constraint c
            WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace
              AND (c.conrelid = ANY($1::regclass[]) OR c.confrelid = ANY($1::regclass[]))
            """))
        {
            command.Parameters.Add(new() { Value = Quoted(tables) });
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) window._foreignKeys.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }
        await using (var command = dataSource.CreateCommand("""
            SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
            FROM pg_index i
            WHERE NOT i.indisprimary AND i.indrelid = ANY($1::regclass[])
              AND NOT EXISTS (SELECT FROM pg_constraint c WHERE c.conindid = i.indexrelid)
            """))
        {
            command.Parameters.Add(new() { Value = Quoted(tables) });
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) window._indexes.Add((reader.GetString(0), reader.GetString(1)));
        }

        await ExecuteAsync(dataSource, ct,
            [.. window._foreignKeys.Select(f => $"ALTER TABLE {f.Table} DROP CONSTRAINT {f.Name}"), .. window._indexes.Select(i => $"DROP INDEX {i.Name}")]);
        return window;
    }

    /// <summary>Recreates the indexes (unique ones check uniqueness) and the foreign keys (each validated in one pass).</summary>
    public async Task CloseAsync(NpgsqlDataSource dataSource, CancellationToken ct) =>
        await ExecuteAsync(dataSource, ct,
            ["SET maintenance_work_mem = '256MB'", .. _indexes.Select(i => i.Definition), .. _foreignKeys.Select(f => $"ALTER TABLE {f.Table} ADD CONSTRAINT {f.Name} {f.Definition}")]);

    private static string[] Quoted(IEnumerable<string> tables) => tables.Select(t => $"\"{t}\"").ToArray();

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, CancellationToken ct, string[] statements)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        foreach (var sql in statements)
        {
            await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
            await command.ExecuteNonQueryAsync(ct);
        }
    }
}

using Npgsql;
using NpgsqlTypes;

namespace Registry.Bench.Generation;

/// <summary>
/// One table's PostgreSQL binary COPY on its own connection, so several tables stream at once while one
/// loop produces their rows. Counts what it wrote.
/// </summary>
public sealed class BinaryCopy : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlBinaryImporter _importer;

    private BinaryCopy(string table, NpgsqlConnection connection, NpgsqlBinaryImporter importer)
    {
        Table = table;
        _connection = connection;
        _importer = importer;
    }

    public string Table { get; }
    public long Rows { get; private set; }

    public static async Task<BinaryCopy> StartAsync(NpgsqlDataSource dataSource, string table, params string[] columns)
    {
        var connection = await dataSource.OpenConnectionAsync();
        await using (var settings = new NpgsqlCommand("SET synchronous_commit = off", connection)) await settings.ExecuteNonQueryAsync();
        var sql = $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)";
        return new BinaryCopy(table, connection, await connection.BeginBinaryImportAsync(sql));
    }

    public BinaryCopy Row()
    {
        _importer.StartRow();
        Rows++;
        return this;
    }

    public BinaryCopy Uuid(Guid value) { _importer.Write(value, NpgsqlDbType.Uuid); return this; }
    public BinaryCopy Uuid(Guid? value) => value is { } v ? Uuid(v) : Null();
    public BinaryCopy Text(string? value) { if (value is null) _importer.WriteNull(); else _importer.Write(value, NpgsqlDbType.Text); return this; }
    public BinaryCopy Date(DateOnly value) { _importer.Write(value, NpgsqlDbType.Date); return this; }
    public BinaryCopy Date(DateOnly? value) => value is { } v ? Date(v) : Null();
    public BinaryCopy Time(DateTimeOffset value) { _importer.Write(value.ToUniversalTime(), NpgsqlDbType.TimestampTz); return this; }
    public BinaryCopy Time(DateTimeOffset? value) => value is { } v ? Time(v) : Null();
    public BinaryCopy Int(int value) { _importer.Write(value, NpgsqlDbType.Integer); return this; }
    public BinaryCopy Int(int? value) => value is { } v ? Int(v) : Null();
    public BinaryCopy Bool(bool value) { _importer.Write(value, NpgsqlDbType.Boolean); return this; }
    public BinaryCopy Bool(bool? value) => value is { } v ? Bool(v) : Null();
    public BinaryCopy Number(decimal value) { _importer.Write(value, NpgsqlDbType.Numeric); return this; }
    public BinaryCopy Long(long value) { _importer.Write(value, NpgsqlDbType.Bigint); return this; }
    public BinaryCopy Enum<T>(T value) where T : struct, System.Enum => Text(value.ToString());
    public BinaryCopy Enum<T>(T? value) where T : struct, System.Enum => Text(value?.ToString());

    private BinaryCopy Null() { _importer.WriteNull(); return this; }

    /// <summary>Commits the rows; disposing without completing rolls them back.</summary>
    public async Task CompleteAsync() => await _importer.CompleteAsync();

    public async ValueTask DisposeAsync()
    {
        await _importer.DisposeAsync();
        await _connection.DisposeAsync();
    }
}

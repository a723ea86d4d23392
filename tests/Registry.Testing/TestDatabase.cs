using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;
using Registry.Infrastructure.Persistence.Providers;
using Respawn;

namespace Registry.Testing;

/// <summary>
/// The real database a test run uses: PostgreSQL by default (scripts/test.sh provisions it), SQLite when
/// REGISTRY_TEST_PROVIDER=Sqlite, SQL Server when REGISTRY_TEST_PROVIDER=SqlServer and
/// REGISTRY_TEST_SQLSERVER holds its connection string. Never an in-memory stand-in.
/// </summary>
public sealed class TestDatabase
{
    public const string DefaultPostgres = "Host=127.0.0.1;Port=5432;Database=registry_test;Username=registry;Password=registry_test;Include Error Detail=true";

    private Respawner? _respawner;

    private TestDatabase(DatabaseProvider provider, string connectionString)
    {
        Provider = provider;
        ConnectionString = connectionString;
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    /// <summary>The database chosen by the environment; <paramref name="sqliteName"/> names the SQLite file when SQLite is chosen.</summary>
    public static TestDatabase FromEnvironment(string sqliteName)
    {
        var provider = Enum.Parse<DatabaseProvider>(Environment.GetEnvironmentVariable("REGISTRY_TEST_PROVIDER") ?? nameof(DatabaseProvider.Postgres), ignoreCase: true);
        return provider switch
        {
            DatabaseProvider.Postgres => Postgres(),
            DatabaseProvider.Sqlite => Sqlite(sqliteName),
            DatabaseProvider.SqlServer => new TestDatabase(provider, Environment.GetEnvironmentVariable("REGISTRY_TEST_SQLSERVER")
                ?? throw new InvalidOperationException("REGISTRY_TEST_PROVIDER=SqlServer needs REGISTRY_TEST_SQLSERVER to hold a connection string.")),
            _ => throw new InvalidOperationException($"Unknown provider {provider}."),
        };
    }

    public static TestDatabase Postgres() =>
        new(DatabaseProvider.Postgres, Environment.GetEnvironmentVariable("REGISTRY_TEST_POSTGRES") ?? DefaultPostgres);

    /// <summary>The SQL Server database named by REGISTRY_TEST_SQLSERVER.</summary>
    public static TestDatabase SqlServer() =>
        new(DatabaseProvider.SqlServer, Environment.GetEnvironmentVariable("REGISTRY_TEST_SQLSERVER")
            ?? throw new InvalidOperationException("REGISTRY_TEST_SQLSERVER must hold a SQL Server connection string."));

    /// <summary>
    /// A fresh, empty PostgreSQL database of its own, named after the test database plus <paramref name="suffix"/>, for
    /// tests that must not share the common one (e.g. because they cut its connections).
    /// </summary>
    public static async Task<TestDatabase> FreshPostgresAsync(string suffix)
    {
        var builder = new NpgsqlConnectionStringBuilder(Postgres().ConnectionString);
        builder.Database += "_" + suffix;
        var maintenance = new NpgsqlConnectionStringBuilder(builder.ConnectionString) { Database = "postgres", Pooling = false, CommandTimeout = 300 };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync();
        // Creating a database waits for a checkpoint, which takes long on a busy shared cluster: a generous timeout.
        foreach (var sql in new[] { $"DROP DATABASE IF EXISTS \"{builder.Database}\" WITH (FORCE)", $"CREATE DATABASE \"{builder.Database}\"" })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
        return new TestDatabase(DatabaseProvider.Postgres, builder.ConnectionString);
    }

    /// <summary>The same PostgreSQL database reached through a relay on a loopback port (see <see cref="CuttableProxy"/>).</summary>
    public TestDatabase ThroughLoopbackPort(int port) =>
        new(Provider, new NpgsqlConnectionStringBuilder(ConnectionString) { Host = "127.0.0.1", Port = port }.ConnectionString);

    /// <summary>A relay to this PostgreSQL database's server that a test may cut.</summary>
    public CuttableProxy Proxy()
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        return new CuttableProxy(builder.Host!, builder.Port);
    }

    /// <summary>A fresh SQLite file in a temporary folder, as the embedded default would use.</summary>
    public static TestDatabase Sqlite(string name)
    {
        var folder = Path.Combine(Path.GetTempPath(), "registry-tests", $"{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        return new TestDatabase(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "registry.db")}");
    }

    public DbConnection OpenConnection()
    {
        DbConnection connection = Provider switch
        {
            DatabaseProvider.Postgres => new NpgsqlConnection(ConnectionString),
            DatabaseProvider.Sqlite => new SqliteConnection(ConnectionString),
            _ => new SqlConnection(ConnectionString),
        };
        connection.Open();
        return connection;
    }

    /// <summary>Empties every table the registry writes, keeping the migration history, the roles, the wordings and the keys.</summary>
    public async Task ResetAsync()
    {
        await using var connection = OpenConnection();
        _respawner ??= await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = Provider switch
            {
                DatabaseProvider.Postgres => DbAdapter.Postgres,
                DatabaseProvider.Sqlite => DbAdapter.Sqlite,
                _ => DbAdapter.SqlServer,
            },
            SchemasToInclude = Provider switch
            {
                DatabaseProvider.Postgres => ["public"],
                DatabaseProvider.SqlServer => ["dbo"],
                _ => [],
            },
            // Reference data the host publishes at start-up stays, and so do the Data Protection keys (a running host keeps
            // signing with the key it loaded); everything tests write goes.
            TablesToIgnore = ["__EFMigrationsHistory", "AspNetRoles", "AttestationWordings", "DataProtectionKeys"],
        });
        await _respawner.ResetAsync(connection);
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Registry.Infrastructure;
using Registry.Infrastructure.Persistence;

namespace Registry.Bench.Generation;

/// <summary>Creates, migrates and opens the benchmark's PostgreSQL database with the registry's own services.</summary>
public static class BenchDatabase
{
    /// <summary>Drops and creates the database named in <paramref name="connectionString"/> (the role needs CREATEDB).</summary>
    public static async Task RecreateAsync(string connectionString, CancellationToken ct = default)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var name = target.Database ?? throw new ArgumentException("The connection string names no database.");
        var maintenance = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync(ct);
        await DropAsync(connection, name, ct);
        await using (var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection) { CommandTimeout = 600 }) // a busy server can take long to create a database
            await create.ExecuteNonQueryAsync(ct);
        NpgsqlConnection.ClearAllPools();
    }

    public static async Task DropAsync(string connectionString, CancellationToken ct = default)
    {
        NpgsqlConnection.ClearAllPools();
        var maintenance = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync(ct);
        await DropAsync(connection, new NpgsqlConnectionStringBuilder(connectionString).Database!, ct);
    }

    /// <summary>
    /// Drops the database, ending the sessions still in it. WITH (FORCE) ends them, but only those of roles the bench's
    /// role may signal: an autovacuum worker analysing the freshly written tables belongs to the superuser, and FORCE then
    /// fails (42501). A plain DROP stops autovacuum workers itself, so it follows; a session that appeared meanwhile (55006)
    /// is waited out a few times.
    /// </summary>
    private static async Task DropAsync(NpgsqlConnection connection, string name, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
                return;
            }
            catch (PostgresException refused) when (refused.SqlState == PostgresErrorCodes.InsufficientPrivilege)
            {
                try
                {
                    await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\"");
                    return;
                }
                catch (PostgresException busy) when (busy.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 5)
                {
                    await Task.Delay(TimeSpan.FromSeconds(attempt), ct);
                }
            }
        }

        async Task ExecuteAsync(string sql)
        {
            await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>The registry's infrastructure on PostgreSQL, without the job server: enough to migrate and write through EF.</summary>
    public static ServiceProvider Services(string connectionString)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Registry"] = connectionString,
            ["Jobs:RunServer"] = "false",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddInfrastructure(configuration, Path.Combine(Path.GetTempPath(), "registry-bench"));
        return services.BuildServiceProvider();
    }

    /// <summary>Applies the real migrations and publishes the roles and standard wordings, as the web host does at start-up.</summary>
    public static async Task MigrateAsync(string connectionString, CancellationToken ct = default)
    {
        await using var provider = Services(connectionString);
        await using var scope = provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
    }
}

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
        foreach (var sql in new[] { $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", $"CREATE DATABASE \"{name}\"" })
        {
            await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 }; // a busy server can take long to create a database
            await command.ExecuteNonQueryAsync(ct);
        }
        NpgsqlConnection.ClearAllPools();
    }

    public static async Task DropAsync(string connectionString, CancellationToken ct = default)
    {
        NpgsqlConnection.ClearAllPools();
        var maintenance = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(connectionString).Database}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync(ct);
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

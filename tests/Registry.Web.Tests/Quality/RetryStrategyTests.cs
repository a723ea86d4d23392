using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Registry.Infrastructure;
using Npgsql;
using Registry.Infrastructure.Persistence;
using Registry.Infrastructure.Persistence.Providers;
using Registry.Testing;

namespace Registry.Web.Tests.Quality;

/// <summary>
/// The server databases retry a dropped connection or a transient error; the embedded SQLite file has nothing
/// to retry. Checked on the contexts the registry's own set-up builds (no server needed: nothing connects).
/// </summary>
public sealed class RetryStrategyTests
{
    [Theory]
    [InlineData("Postgres", "Host=127.0.0.1;Database=registry", true)]
    [InlineData("SqlServer", "Server=127.0.0.1;Database=registry;TrustServerCertificate=true", true)]
    [InlineData("Sqlite", "Data Source=registry.db", false)]
    public void The_server_databases_retry_transient_failures(string provider, string connectionString, bool retries)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["ConnectionStrings:Registry"] = connectionString,
            ["Jobs:RunServer"] = "false",
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddSingleton<TimeProvider>(new TestClock()).AddLogging();
        services.AddInfrastructure(configuration, Path.GetTempPath());
        using var provided = services.BuildServiceProvider();
        using var scope = provided.CreateScope();

        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();

        Assert.Equal(retries, db.Database.CreateExecutionStrategy().RetriesOnFailure);
    }

    [Theory]
    [InlineData("Postgres", "Host=db;Database=registry", true)]
    [InlineData("Postgres", "Host=db;Database=registry;Timeout=9", false)]
    [InlineData("SqlServer", "Server=db;Database=registry", true)]
    [InlineData("SqlServer", "Server=db;Database=registry;Connect Timeout=9", false)]
    [InlineData("Sqlite", "Data Source=registry.db", false)]
    public void An_unreachable_server_is_noticed_within_the_connect_timeout_unless_the_connection_string_names_its_own(
        string provider, string connectionString, bool shortened)
    {
        var bounded = DatabaseOutage.WithConnectTimeout(connectionString, Enum.Parse<DatabaseProvider>(provider), TimeSpan.FromSeconds(2));

        Assert.Equal(shortened, bounded != connectionString);
        if (shortened) Assert.Contains("Timeout=2", bounded, StringComparison.OrdinalIgnoreCase);
    }

    public static TheoryData<Exception, bool> Failures => new()
    {
        { new RetryLimitExceededException("retries", new NpgsqlException("Failed to connect", new SocketException(111))), true },
        { new InvalidOperationException("wrapped", new NpgsqlException("Exception while reading from stream", new IOException("reset"))), true },
        { new DbUpdateException("save", new TimeoutException()), true },
        { new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", "57P01"), true },
        { new SqliteException("database is locked", 5), true },
        { new PostgresException("duplicate key value", "ERROR", "ERROR", "23505"), false },
        { new InvalidOperationException("a defect"), false },
        { new OperationCanceledException(), false },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Only_an_unreachable_or_busy_database_counts_as_an_outage(Exception failure, bool outage) =>
        Assert.Equal(outage, DatabaseOutage.IsCause(failure));
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Registry.Infrastructure;
using Registry.Infrastructure.Persistence;
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
}

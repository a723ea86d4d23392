using Hangfire;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Registry.Application.Common.Interfaces;
using Registry.Domain.Applications;
using Registry.Application.Features.Fees;
using Registry.Domain.Credentials;
using Registry.Domain.Fees;
using Registry.Infrastructure.Documents;
using Registry.Infrastructure.Identity;
using Registry.Infrastructure.Persistence;
using Registry.Infrastructure.Persistence.Providers;
using Registry.Infrastructure.Seeding;
using Registry.Testing;

namespace Registry.Web.Tests;

public sealed class PersistenceTests(WebFixture fixture) : WebTest(fixture)
{
    public static TheoryData<string> Providers => [nameof(SqliteDesignTimeFactory), nameof(PostgresDesignTimeFactory), nameof(SqlServerDesignTimeFactory)];

    [Fact]
    public async Task The_hosts_PostgreSQL_connections_keep_a_repeated_statement_prepared_unless_the_connection_string_says_otherwise()
    {
        var prepared = await Fixture.QueryAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            // A statement of this test's own (the literal is inlined), run more often than Npgsql's threshold of 5.
            for (var i = 0; i < 6; i++) await db.Jurisdictions.AsNoTracking().CountAsync(j => j.Name != "prepared-statement-probe");
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE '%prepared-statement-probe%'";
            return (long)(await command.ExecuteScalarAsync())!;
        });

        Assert.Equal(1, prepared);
        Assert.Equal(0, new Npgsql.NpgsqlConnectionStringBuilder(PostgresConnections.WithAutoPrepare("Host=db;Max Auto Prepare=0")).MaxAutoPrepare);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Each_providers_migrations_match_the_model(string factoryName)
    {
        using var context = factoryName switch
        {
            nameof(SqliteDesignTimeFactory) => (DbContext)new SqliteDesignTimeFactory().CreateDbContext([]),
            nameof(PostgresDesignTimeFactory) => new PostgresDesignTimeFactory().CreateDbContext([]),
            _ => new SqlServerDesignTimeFactory().CreateDbContext([]),
        };

        Assert.NotEmpty(context.Database.GetMigrations());
        Assert.False(context.Database.HasPendingModelChanges(), $"{context.GetType().Name}: run 'dotnet ef migrations add' for this provider.");
    }

    [Fact]
    public async Task The_PostgreSQL_test_database_is_fully_migrated()
    {
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();

        Assert.IsType<PostgresRegistryDbContext>(db);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }
}

/// <summary>The embedded default: SQLite in a local folder, in-memory jobs, demo data in Development only.</summary>
public sealed class EmbeddedDefaultTests
{
    [Fact]
    public async Task Development_starts_on_SQLite_with_in_memory_jobs_and_seeds_the_demo_data()
    {
        await using var factory = new RegistryFactory(TestDatabase.Sqlite("embedded"), environment: "Development");
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();

        Assert.IsType<SqliteRegistryDbContext>(db);
        Assert.Contains("InMemory", factory.Services.GetRequiredService<JobStorage>().GetType().Name);
        // One server: keys and evidence in folders (DataProtection:Store and Documents:Store default to FileSystem here).
        Assert.IsType<FileSystemDocumentStore>(factory.Services.GetRequiredService<IDocumentStore>());
        Assert.IsAssignableFrom<FileSystemXmlRepository>(factory.Services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.XmlRepository);

        var programs = await db.Programs.AsNoTracking().ToListAsync();
        Assert.True(await db.Jurisdictions.CountAsync() >= 3);
        Assert.Equal(programs.Count, programs.Select(p => (p.Requirements.TrainingHoursTotal, p.Requirements.SupervisedWorkHours)).Distinct().Count());

        var statuses = await db.Credentials.Select(c => c.Status).Distinct().ToListAsync();
        Assert.Equal(Enum.GetValues<CredentialStatus>().Order(), statuses.Order());
        var applicationStatuses = await db.Applications.Select(a => a.Status).Distinct().CountAsync();
        Assert.True(applicationStatuses >= 4);
        Assert.True(await db.Employers.AnyAsync());

        var users = scope.ServiceProvider.GetRequiredService<UserManager<RegistryUser>>();
        var reviewer = await users.FindByEmailAsync("reviewer.tn@registry.example");
        Assert.NotNull(reviewer);
        Assert.True(await users.CheckPasswordAsync(reviewer, DemoData.Password));
        Assert.Equal("TN", reviewer.StateCode);

        // Fees in every state the fees issue names: Texas, Pennsylvania, North Carolina and Florida charge, Delaware does not.
        var charging = programs.Where(p => p.Requirements.Fees.Count > 0).Select(p => p.StateCode.Value).Order().ToList();
        Assert.Equal(["FL", "NC", "PA", "TX"], charging);
        Assert.Contains(programs, p => p.StateCode.Value == "DE" && p.Requirements.Fees.Count == 0);
        var fees = await db.Fees.AsNoTracking().Include(f => f.Payments).ToListAsync();
        var danasFee = Assert.Single(fees, f => f.Status == FeeStatus.Owed);
        Assert.Equal(60m, danasFee.Balance);
        Assert.True(await db.Applications.AnyAsync(a => a.Id == danasFee.ApplicationId && a.AwaitingFee));
        var caseysPayment = Assert.Single(Assert.Single(fees, f => f.Status == FeeStatus.Paid).Payments);
        Assert.Equal((60m, PaymentMethod.MoneyOrder), (caseysPayment.Amount, caseysPayment.Method));
        var vouchers = await db.Vouchers.AsNoTracking().Select(v => v.CodeHash).ToListAsync();
        Assert.Equal(DemoData.DemoVoucherCodes.Select(c => VoucherCodes.Hash(VoucherCodes.Normalise(c)!)).Order(), vouchers.Order());
    }

    [Fact]
    public async Task Outside_Development_there_is_no_demo_data_and_no_account()
    {
        await using var factory = new RegistryFactory(TestDatabase.Sqlite("production"), environment: "Production",
            settings: new Dictionary<string, string?> { ["DemoData:Enabled"] = "true" });
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();

        Assert.False(await db.Jurisdictions.AnyAsync());
        Assert.False(await db.Users.AnyAsync());
        Assert.False(await db.Set<CertificationApplication>().AnyAsync());
    }
}

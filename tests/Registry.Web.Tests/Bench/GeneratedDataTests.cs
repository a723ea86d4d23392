using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Registry.Bench.Generation;
using Registry.Domain.Applications;
using Registry.Domain.Credentials;
using Registry.Infrastructure.Persistence;
using Registry.Testing;

namespace Registry.Web.Tests.Bench;

/// <summary>
/// The benchmark data generator at a small scale, on its own PostgreSQL database: the data it writes
/// is what the domain would have written (consistent histories, statuses and numbers) and loads
/// through the real model. Timing is the bench's business, never a test's.
/// </summary>
public sealed class GeneratedDataTests(GeneratedDataTests.GeneratedDatabase database) : IClassFixture<GeneratedDataTests.GeneratedDatabase>
{
    private static readonly Scale Small = new(Credentials: 1000, States: 6, Seed: 42, Today: new DateOnly(2026, 6, 15));

    private readonly string _connectionString = database.ConnectionString;
    private readonly GenerationResult _result = database.Result;

    /// <summary>A database of its own (the test database's name + "_generator"), generated once for the class.</summary>
    public sealed class GeneratedDatabase : IAsyncLifetime
    {
        public string ConnectionString { get; } = new NpgsqlConnectionStringBuilder(TestDatabase.Postgres().ConnectionString)
        {
            Database = new NpgsqlConnectionStringBuilder(TestDatabase.Postgres().ConnectionString).Database + "_generator",
        }.ConnectionString;

        public GenerationResult Result { get; private set; } = null!;
        public (long ForeignKeys, long Indexes) SchemaBefore { get; private set; }

        public async Task InitializeAsync()
        {
            await BenchDatabase.RecreateAsync(ConnectionString);
            await BenchDatabase.MigrateAsync(ConnectionString);
            SchemaBefore = await SchemaShapeAsync(ConnectionString);
            Result = await new DataGenerator(Small, ConnectionString).GenerateAsync();
        }

        public Task DisposeAsync() => BenchDatabase.DropAsync(ConnectionString);
    }

    [Fact]
    public async Task Counts_follow_the_scale()
    {
        Assert.Equal(Small.Credentials, await ScalarAsync("SELECT count(*) FROM \"Credentials\""));
        Assert.Equal(Small.People, await ScalarAsync("SELECT count(*) FROM \"People\""));
        Assert.Equal(Small.People, await ScalarAsync("SELECT count(*) FROM \"Applications\""));
        Assert.Equal(Small.States, await ScalarAsync("SELECT count(*) FROM \"Jurisdictions\""));
        Assert.Equal(Small.Employers, await ScalarAsync("SELECT count(*) FROM \"Employers\""));
        Assert.Equal(_result.RowsByTable["CredentialHistory"], await ScalarAsync("SELECT count(*) FROM \"CredentialHistory\""));
        Assert.Equal(_result.RowsByTable["AspNetUsers"], await ScalarAsync("SELECT count(*) FROM \"AspNetUsers\""));
        Assert.True(await ScalarAsync("SELECT count(*) FROM \"TrainingRecords\"") >= Small.People);
        Assert.True(await ScalarAsync("SELECT count(*) FROM \"SupervisionLogs\"") > 0);
        Assert.True(await ScalarAsync("SELECT count(*) FROM \"WorkExperience\"") > 0);
        Assert.True(await ScalarAsync("SELECT count(*) FROM \"People\" WHERE \"DateOfBirth\" IS NOT NULL AND \"MailingAddress_Line1\" IS NOT NULL") > 0);
    }

    [Fact]
    public async Task Every_credential_and_application_status_occurs()
    {
        var credentialStatuses = await StringsAsync("SELECT DISTINCT \"Status\" FROM \"Credentials\"");
        Assert.All(Enum.GetNames<CredentialStatus>(), status => Assert.Contains(status, credentialStatuses));
        var applicationStatuses = await StringsAsync("SELECT DISTINCT \"Status\" FROM \"Applications\"");
        Assert.All(Enum.GetNames<ApplicationStatus>(), status => Assert.Contains(status, applicationStatuses));
        var kinds = await StringsAsync("SELECT DISTINCT \"Kind\" FROM \"CredentialHistory\"");
        Assert.All(new[] { "Issued", "Renewed", "Expired", "Lapsed", "Suspended", "Reinstated", "ProbationStarted", "Revoked", "Relinquished", "Reprimanded" },
            kind => Assert.Contains(kind, kinds));
    }

    [Fact]
    public async Task Each_credentials_status_and_expiry_are_those_of_its_last_history_event()
    {
        Assert.Equal(0, await ScalarAsync("""
            SELECT count(*) FROM "Credentials" c
            JOIN LATERAL (SELECT * FROM "CredentialHistory" e WHERE e."CredentialId" = c."Id" ORDER BY e."Sequence" DESC LIMIT 1) last ON true
            WHERE last."ToStatus" <> c."Status" OR last."ExpiresOnAfter" <> c."ExpiresOn"
            """));
        Assert.Equal(0, await ScalarAsync("""
            SELECT count(*) FROM "Applications" a
            JOIN LATERAL (SELECT * FROM "ApplicationHistory" h WHERE h."ApplicationId" = a."Id" ORDER BY h."At" DESC LIMIT 1) last ON true
            WHERE last."To" <> a."Status"
            """));
    }

    [Fact]
    public async Task Histories_follow_the_status_rules()
    {
        var events = new List<(Guid Credential, int Sequence, string Kind, string? From, string To, DateOnly EffectiveOn)>();
        await using (var connection = await OpenAsync(_connectionString))
        await using (var command = new NpgsqlCommand(
            "SELECT \"CredentialId\", \"Sequence\", \"Kind\", \"FromStatus\", \"ToStatus\", \"EffectiveOn\" FROM \"CredentialHistory\" ORDER BY \"CredentialId\", \"Sequence\"",
            connection))
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                events.Add((reader.GetGuid(0), reader.GetInt32(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetString(4),
                    reader.GetFieldValue<DateOnly>(5)));

        foreach (var history in events.GroupBy(e => e.Credential))
        {
            var list = history.ToList();
            Assert.Equal("Issued", list[0].Kind);
            Assert.Null(list[0].From);
            for (var i = 1; i < list.Count; i++)
            {
                Assert.Equal(i + 1, list[i].Sequence);
                Assert.Equal(list[i - 1].To, list[i].From);
                Assert.True(list[i].EffectiveOn >= list[i - 1].EffectiveOn, $"{history.Key}: event {i + 1} takes effect before the one it follows");
                var move = (Enum.Parse<CredentialStatus>(list[i].From!), Enum.Parse<CredentialStatus>(list[i].To));
                Assert.True(move.Item1 == move.Item2 || CredentialStatusRules.AllowedMoves.Contains(move), $"{history.Key}: {move} is not an allowed move");
            }
            Assert.True(list[^1].EffectiveOn <= Small.Today);
        }
    }

    [Fact]
    public async Task Credential_numbers_are_unique_per_program_and_programs_know_their_last_number()
    {
        Assert.Equal(0, await ScalarAsync("""
            SELECT count(*) FROM "Programs" p
            WHERE p."LastCredentialSequence" <> (SELECT count(*) FROM "Credentials" c WHERE c."ProgramId" = p."Id")
            """));
        var numbers = await StringsAsync("SELECT \"Number\" FROM \"Credentials\"");
        Assert.All(numbers, n => Assert.True(CredentialNumber.TryParse(n, out _), n));
    }

    [Fact]
    public async Task The_data_loads_through_the_real_model()
    {
        await using var services = BenchDatabase.Services(_connectionString);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();

        var programs = await db.Programs.AsNoTracking().ToListAsync();
        Assert.Equal(new Catalog(Small).Programs.Count, programs.Count);
        Assert.All(programs, p => Assert.True(p.Requirements.TrainingHoursTotal > 0 && p.Requirements.TrainingDomains.Count > 0));

        var credentials = await db.Credentials.AsNoTracking().Include(c => c.History).OrderBy(c => c.Id).Take(200).ToListAsync();
        Assert.All(credentials, c => Assert.Equal(c.Status, c.StatusOn(Small.Today)));
        var applications = await db.Applications.AsNoTracking().Include(a => a.TrainingRecords).Include(a => a.History).Take(50).ToListAsync();
        Assert.All(applications, a => Assert.NotEmpty(a.TrainingRecords));
    }

    [Fact]
    public async Task The_bulk_load_leaves_every_key_and_index_the_migrations_made() =>
        Assert.Equal(database.SchemaBefore, await SchemaShapeAsync(_connectionString));

    private static async Task<(long, long)> SchemaShapeAsync(string connectionString) => (
        await ScalarAsync(connectionString, "SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace"),
        await ScalarAsync(connectionString, "SELECT count(*) FROM pg_indexes WHERE schemaname = 'public'"));

    private static async Task<NpgsqlConnection> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }

    private Task<long> ScalarAsync(string sql) => ScalarAsync(_connectionString, sql);

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = await OpenAsync(connectionString);
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    private async Task<List<string>> StringsAsync(string sql)
    {
        await using var connection = await OpenAsync(_connectionString);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync()) values.Add(reader.GetString(0));
        return values;
    }
}

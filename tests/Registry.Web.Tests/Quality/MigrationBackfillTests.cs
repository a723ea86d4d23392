using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Registry.Infrastructure.Persistence.Providers;

namespace Registry.Web.Tests.Quality;

/// <summary>A migration that fills a new column from existing rows fills it right, on a database migrated step by step.</summary>
public sealed class MigrationBackfillTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"registry-backfill-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }

    [Fact]
    public async Task ApplicationWaits_fills_each_applications_first_submission_from_its_history()
    {
        await using var db = new SqliteRegistryDbContext(new DbContextOptionsBuilder<SqliteRegistryDbContext>().UseSqlite($"Data Source={_file}").Options);
        var migrator = db.GetService<IMigrator>();
        var migrations = db.Database.GetMigrations().ToList();
        var waits = migrations.FindIndex(m => m.EndsWith("_ApplicationWaits", StringComparison.Ordinal));
        Assert.True(waits > 0, "the ApplicationWaits migration exists");
        await migrator.MigrateAsync(migrations[waits - 1]);

        // Submitted, asked for information, resubmitted; and a draft never submitted. SQLite keeps times as numbers.
        var program = Guid.NewGuid();
        var (resubmitted, draft) = (Guid.NewGuid(), Guid.NewGuid());
        var first = new DateTimeOffset(2025, 3, 1, 15, 30, 0, TimeSpan.Zero);
        var again = first.AddDays(19);
        var stored = new DateTimeOffsetToBinaryConverter();
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        async Task RunAsync(string sql, params (string Name, object Value)[] values)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, value) in values) command.Parameters.Add(new SqliteParameter(name, value));
            await command.ExecuteNonQueryAsync();
        }
        await RunAsync("PRAGMA foreign_keys = OFF");
        foreach (var id in new[] { resubmitted, draft })
            await RunAsync("""
                INSERT INTO "Applications" ("Id", "PersonId", "ProgramId", "Type", "Status", "CreatedAt", "Version", "SelectedForCeAudit")
                VALUES (@id, @person, @program, 'Initial', 'Submitted', @at, 0, 0)
                """, ("@id", id.ToString().ToUpperInvariant()), ("@person", Guid.NewGuid().ToString().ToUpperInvariant()),
                ("@program", program.ToString().ToUpperInvariant()), ("@at", stored.ConvertToProvider(first.AddDays(-3))!));
        foreach (var (to, at) in new[] { ("Submitted", first), ("UnderReview", first.AddDays(1)), ("InfoRequested", first.AddDays(4)), ("Submitted", again) })
            await RunAsync("""
                INSERT INTO "ApplicationHistory" ("Id", "ApplicationId", "To", "ActorUserId", "At")
                VALUES (@id, @application, @to, @actor, @at)
                """, ("@id", Guid.NewGuid().ToString().ToUpperInvariant()), ("@application", resubmitted.ToString().ToUpperInvariant()),
                ("@to", to), ("@actor", Guid.NewGuid().ToString().ToUpperInvariant()), ("@at", stored.ConvertToProvider(at)!));
        await db.Database.CloseConnectionAsync();

        await migrator.MigrateAsync();

        var firsts = await db.Applications.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.FirstSubmittedAt);
        Assert.Equal(first, firsts[resubmitted]);
        Assert.Null(firsts[draft]);
    }
}

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Registry.Domain.Fees;
using Registry.Infrastructure.Persistence.Providers;
using Registry.Testing;

namespace Registry.Web.Tests.Quality;

/// <summary>Requirements written before fees existed (no "Fees" in their JSON) read as a program that charges nothing.</summary>
public sealed class RequirementsWithoutFeesTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"registry-nofees-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }

    [Fact]
    public async Task A_program_stored_before_fees_charges_nothing()
    {
        var options = new DbContextOptionsBuilder<SqliteRegistryDbContext>().UseSqlite($"Data Source={_file}").Options;
        var state = TestData.State("TN", "Tennessee", "CPRS", TestData.NoRequirements());
        await using (var db = new SqliteRegistryDbContext(options))
        {
            await db.Database.MigrateAsync();
            db.Jurisdictions.Add(state);
            await db.SaveChangesAsync();
            Assert.Equal(1, await db.Database.ExecuteSqlRawAsync("""UPDATE "Programs" SET "Requirements" = json_remove("Requirements", '$.Fees')"""));
        }
        await using (var db = new SqliteRegistryDbContext(options))
        {
            var json = await db.Database.SqlQueryRaw<string>("""SELECT "Requirements" AS "Value" FROM "Programs" """).SingleAsync();
            Assert.DoesNotContain("Fees", json);
            var program = await db.Programs.AsNoTracking().SingleAsync();

            Assert.NotNull(program.Requirements.Fees);
            Assert.Empty(program.Requirements.Fees);
            Assert.True(program.Requirements.QuoteFee(FeeKind.InitialApplication, holdsPeerCredential: false, militaryOrVeteran: false).IsFree);
        }
    }
}

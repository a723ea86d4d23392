using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Registry.Infrastructure.Persistence.Providers;

/// <summary>The production target. No SQL Server runs on the build machines: its migrations and idempotent script keep it honest.</summary>
public sealed class SqlServerRegistryDbContext(DbContextOptions<SqlServerRegistryDbContext> options) : RegistryDbContext(options)
{
    public override SqlDialect Dialect => SqlDialect.SqlServer;
}

public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerRegistryDbContext>
{
    public SqlServerRegistryDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerRegistryDbContext>().UseSqlServer("Server=localhost;Database=registry_design;Trusted_Connection=True;TrustServerCertificate=True").Options);
}

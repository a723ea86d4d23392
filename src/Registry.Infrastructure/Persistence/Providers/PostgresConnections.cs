using System.Data.Common;

namespace Registry.Infrastructure.Persistence.Providers;

/// <summary>How the registry's contexts connect to PostgreSQL.</summary>
public static class PostgresConnections
{
    /// <summary>Statements each pooled connection keeps prepared, unless the connection string says otherwise.</summary>
    public const int MaxAutoPrepare = 50;

    /// <summary>
    /// Npgsql prepares a statement on a connection once it has run there <c>Auto Prepare Min Usages</c> times (5), so the
    /// server parses and plans it once per connection instead of at every execution; the verification lookup's plan
    /// (three joins and three subqueries) cost more than running it. A <c>Max Auto Prepare</c> in the connection string
    /// wins: 0 behind a pooler that cannot keep prepared statements (PgBouncer before 1.21 in transaction mode).
    /// </summary>
    public static string WithAutoPrepare(string connectionString)
    {
        var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (builder.ContainsKey("Max Auto Prepare") || builder.ContainsKey("MaxAutoPrepare")) return connectionString;
        builder["Max Auto Prepare"] = MaxAutoPrepare;
        return builder.ConnectionString;
    }
}

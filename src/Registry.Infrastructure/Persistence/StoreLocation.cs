using Microsoft.Extensions.Configuration;
using Registry.Infrastructure.Persistence.Providers;

namespace Registry.Infrastructure.Persistence;

/// <summary>Where the Data Protection keys (<c>DataProtection:Store</c>) and evidence bytes (<c>Documents:Store</c>) are kept.</summary>
public enum StoreLocation
{
    /// <summary>A folder on the server: the embedded default, for one server.</summary>
    FileSystem,

    /// <summary>The registry's database, which every web server shares.</summary>
    Database,
}

public static class StoreLocations
{
    /// <summary>
    /// <c>{section}:Store</c>; unset, the folder for the embedded SQLite database and the database for PostgreSQL
    /// and SQL Server, which several web servers may share.
    /// </summary>
    public static StoreLocation Chosen(IConfiguration configuration, string section) =>
        configuration.GetValue<StoreLocation?>($"{section}:Store")
        ?? (configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite) == DatabaseProvider.Sqlite ? StoreLocation.FileSystem : StoreLocation.Database);
}

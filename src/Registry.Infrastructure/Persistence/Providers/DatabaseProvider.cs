namespace Registry.Infrastructure.Persistence.Providers;

/// <summary>The database behind the registry, chosen by <c>Database:Provider</c>.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
    SqlServer,
}

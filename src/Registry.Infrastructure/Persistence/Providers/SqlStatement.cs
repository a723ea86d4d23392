namespace Registry.Infrastructure.Persistence.Providers;

/// <summary>
/// A hand-written statement: its text in one provider's dialect with <c>@name</c> parameters, their values, and a
/// name the SQL Server parse test reports it by. Every hand-written statement is one of these, constructed with a
/// literal name ("Area: what"), and runs through <see cref="SqlDialect.ExecuteAsync"/> or
/// <see cref="SqlDialect.QueryAsync{T}"/>: the test finds each name in the source and renders each for SQL Server.
/// </summary>
public sealed record SqlStatement(string Name, string Text, IReadOnlyDictionary<string, object?> Parameters)
{
    public static readonly IReadOnlyDictionary<string, object?> NoParameters = new Dictionary<string, object?>();
}

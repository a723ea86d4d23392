namespace Registry.Application.Common.Interfaces;

/// <summary>
/// Reads of more rows than memory should hold, each row used as it arrives (an export written row by row). EF reads a
/// query's whole result into memory before handing out its first row when the query is split (the registry's default)
/// or may be retried (the execution strategy on PostgreSQL and SQL Server), so that a retry could replay it. A query
/// made <see cref="Rows{T}"/> and enumerated inside <see cref="ReadAsync{T}"/> runs once, as one statement, and hands
/// out each row as it comes; a connection lost midway fails the read instead of retrying it.
/// </summary>
public interface IStreamedReads
{
    /// <summary>The query as one statement, its rows read as they arrive when enumerated inside <see cref="ReadAsync{T}"/>.</summary>
    IAsyncEnumerable<T> Rows<T>(IQueryable<T> query) where T : class;

    /// <summary>Runs <paramref name="read"/>, whose queries are tried once and not buffered.</summary>
    Task<T> ReadAsync<T>(Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken);
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Registry.Application.Common.Interfaces;

namespace Registry.Infrastructure.Persistence;

/// <summary>
/// A single query read inside an execution strategy that never retries. EF buffers a split query's result, and asks the
/// strategy running a query (<see cref="ExecutionStrategy.Current"/>, else the context's own, a retrying one on PostgreSQL
/// and SQL Server) whether to buffer: with nothing to replay, the rows stream.
/// </summary>
public sealed class StreamedReads(RegistryDbContext db) : IStreamedReads
{
    public IAsyncEnumerable<T> Rows<T>(IQueryable<T> query) where T : class => query.AsSingleQuery().AsAsyncEnumerable();

    public Task<T> ReadAsync<T>(Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken) =>
        new SingleAttempt(db.GetService<ExecutionStrategyDependencies>()).ExecuteAsync(read, cancellationToken);

    private sealed class SingleAttempt(ExecutionStrategyDependencies dependencies) : ExecutionStrategy(dependencies, 0, TimeSpan.Zero)
    {
        protected override bool ShouldRetryOn(Exception exception) => false;
    }
}

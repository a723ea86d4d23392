using Microsoft.EntityFrameworkCore;

namespace Registry.Infrastructure.Persistence;

public static class TransactionExtensions
{
    /// <summary>
    /// Runs <paramref name="work"/> in a transaction inside the provider's execution strategy, so a dropped
    /// connection retries the whole unit (a retrying strategy refuses transactions begun outside it). The
    /// work commits the transaction itself; leaving without a commit rolls it back. The change tracker is
    /// cleared before each attempt, so a retry starts from what the database holds.
    /// </summary>
    public static Task<T> InTransactionAsync<T>(this DbContext db, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            return await work(ct);
        }, cancellationToken);
}

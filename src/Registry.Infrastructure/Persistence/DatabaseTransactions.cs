using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;

namespace Registry.Infrastructure.Persistence;

public sealed class DatabaseTransactions(RegistryDbContext db) : IDatabaseTransactions
{
    public async Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            return await db.InTransactionAsync(async ct =>
            {
                var result = await work(ct);
                await db.Database.CurrentTransaction!.CommitAsync(ct);
                return result;
            }, cancellationToken);
        }
        catch
        {
            db.ChangeTracker.Clear(); // nothing half-added is left for a later save in this scope
            throw;
        }
    }

    public Task<T> OnOneConnectionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(work, async (work, ct) =>
        {
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                return await work(ct);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }, cancellationToken);
}

namespace Registry.Application.Common.Interfaces;

/// <summary>One explicit database transaction, for the rare command that cannot save everything in one go.</summary>
public interface IDatabaseTransactions
{
    /// <summary>
    /// Runs <paramref name="work"/> in a transaction and commits when it returns; a dropped connection retries
    /// the whole of it, and a failure leaves nothing written and nothing tracked.
    /// </summary>
    Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/>'s statements on one opening of the connection, without a transaction: the driver's
    /// pool hands it out (and resets it) once rather than once per statement. A dropped connection retries the whole of it.
    /// </summary>
    Task<T> OnOneConnectionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken);
}

using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Infrastructure.Persistence;

namespace Registry.Infrastructure.Idempotency;

/// <summary>
/// The database's record of idempotency keys, shared by every web server. Use it on a context of its own (a scope
/// apart from the request's), so the request's work neither saves these rows nor is saved by them.
/// </summary>
public sealed class IdempotencyStore(RegistryDbContext db, TimeProvider clock)
{
    public const int MaximumKeyLength = 255;

    /// <summary>
    /// Takes the caller's key for this request and returns null, or returns the row that already holds the key (answered,
    /// still being worked on, or for another request). Expired keys, everyone's, are purged first.
    /// </summary>
    public async Task<IdempotentRequest?> ClaimAsync(string caller, string key, string requestHash, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var expired = now - IdempotentRequest.Lifetime;
        await db.IdempotentRequests.Where(r => r.ReceivedAt <= expired).ExecuteDeleteAsync(cancellationToken);
        if (await FindAsync(caller, key, cancellationToken) is { } held) return held;

        db.Add(new IdempotentRequest(caller, key, requestHash, now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (ConflictException)
        {
            // Another request (perhaps on another server) took the key a moment ago; if it has already given the key up
            // again, answer as if it were still running, and the caller's retry finds the key free.
            db.ChangeTracker.Clear();
            return await FindAsync(caller, key, cancellationToken) ?? new IdempotentRequest(caller, key, requestHash, now);
        }
    }

    /// <summary>Keeps the answer to a claimed key, for the retries of the next 24 hours.</summary>
    public Task KeepAsync(string caller, string key, int statusCode, string? contentType, string? location, byte[] body) =>
        db.IdempotentRequests.Where(r => r.Caller == caller && r.Key == key && r.StatusCode == null).ExecuteUpdateAsync(row => row
            .SetProperty(r => r.StatusCode, statusCode)
            .SetProperty(r => r.ContentType, contentType)
            .SetProperty(r => r.Location, location)
            .SetProperty(r => r.Body, body), CancellationToken.None);

    /// <summary>Gives a claimed key up (the work failed, or its answer is not kept): the caller may try it again.</summary>
    public Task ReleaseAsync(string caller, string key) =>
        db.IdempotentRequests.Where(r => r.Caller == caller && r.Key == key && r.StatusCode == null).ExecuteDeleteAsync(CancellationToken.None);

    private Task<IdempotentRequest?> FindAsync(string caller, string key, CancellationToken cancellationToken) =>
        db.IdempotentRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Caller == caller && r.Key == key, cancellationToken);
}

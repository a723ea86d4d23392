using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;

namespace Registry.Application.Features.Records;

/// <summary>
/// Removes evidence files that no record has pointed at for <see cref="EvidenceLimits.UnattachedDays"/> days since upload:
/// the rows first (a file attached meanwhile keeps its row, the foreign key refusing the delete, and the run fails whole),
/// then the bytes. Run daily by a job, a batch at a time.
/// </summary>
public static class RemoveUnattachedEvidence
{
    public const int BatchSize = 500;

    [AllowedRoles(Roles.SystemAdmin)]
    public sealed record Command : ICommand<Outcome>;

    public sealed record Outcome(int Removed);

    public sealed class Handler(IRegistryDbContext db, IDocumentStore store, EvidenceLimits limits, TimeProvider clock, ILogger<Handler> log)
        : IRequestHandler<Command, Outcome>
    {
        public async Task<Outcome> Handle(Command command, CancellationToken cancellationToken)
        {
            var cutoff = clock.GetUtcNow() - TimeSpan.FromDays(limits.UnattachedDays);
            var removed = 0;
            while (true)
            {
                var old = await EvidenceLimits.Unattached(db).Where(d => d.UploadedAt < cutoff)
                    .OrderBy(d => d.UploadedAt).Take(BatchSize).ToListAsync(cancellationToken);
                if (old.Count == 0) return new Outcome(removed);
                db.Documents.RemoveRange(old);
                // Saved here, not only by the unit of work: the bytes go only once their rows are gone.
                await db.SaveChangesAsync(cancellationToken);
                foreach (var document in old)
                {
                    try
                    {
                        await store.DeleteAsync(document.StorageKey, cancellationToken);
                    }
                    catch (Exception failure) when (failure is not OperationCanceledException)
                    {
                        // The row is gone, so nothing can reach these bytes again; they only take space.
                        log.LogError(failure, "The bytes of removed evidence {DocumentId} could not be deleted from the store.", document.Id);
                    }
                }
                removed += old.Count;
            }
        }
    }
}

using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Registry.Application.Common.Interfaces;
using Registry.Domain.Auditing;

namespace Registry.Infrastructure.Persistence;

/// <summary>
/// Writes sign-ins, refusals and reads as audit entries, one insert each, through a context of its own (rented in a
/// scope of its own), so a request's pending changes are never saved with them, nor they rolled back with a request.
/// </summary>
public sealed class AccessLog(IServiceScopeFactory scopes, ICurrentUser user, IHttpContextAccessor requests, TimeProvider clock) : IAccessLog
{
    public async Task RecordAsync(AccessEvent entry, CancellationToken cancellationToken = default)
    {
        var (actorId, actorName) = entry.Actor ?? (user.UserId, user.Name);
        var row = new AuditEntry(clock.GetUtcNow(), actorId, Clip(actorName, 256), entry.Action, entry.SubjectType, Clip(entry.SubjectId, 100) ?? "",
            before: null, after: entry.Detail, entry.State?.Value, entry.Kind, requests.HttpContext?.Connection.RemoteIpAddress?.ToString());
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        db.AuditEntries.Add(row);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string? Clip(string? text, int length) => text is { Length: var n } && n > length ? text[..length] : text;
}

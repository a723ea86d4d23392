using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Registry.Infrastructure.Persistence;

namespace Registry.Infrastructure.Health;

/// <summary>Degraded while the outbox holds messages given up after every attempt (they wait on /Staff/Outbox).</summary>
public sealed class OutboxHealthCheck(RegistryDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var failed = await db.Notifications.CountAsync(n => n.SentAt == null && n.FailedAt != null, cancellationToken);
        var data = new Dictionary<string, object> { ["failed"] = failed };
        return failed == 0
            ? HealthCheckResult.Healthy("No message has been given up.", data)
            : HealthCheckResult.Degraded($"{failed} message(s) could not be sent after every attempt; see /Staff/Outbox.", data: data);
    }
}

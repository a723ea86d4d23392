using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Registry.Infrastructure.Health;

/// <summary>Healthy when Hangfire's storage answers and at least one job server is alive.</summary>
public sealed class JobStorageHealthCheck(JobStorage storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var monitoring = storage.GetMonitoringApi();
            var servers = monitoring.Servers().Count;
            var statistics = monitoring.GetStatistics();
            var data = new Dictionary<string, object> { ["servers"] = servers, ["enqueued"] = statistics.Enqueued, ["failed"] = statistics.Failed };
            return Task.FromResult(servers > 0
                ? HealthCheckResult.Healthy($"{servers} job server(s) running.", data)
                : HealthCheckResult.Degraded("Job storage answers, but no job server is running.", data: data));
        }
        catch (Exception e)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("Job storage does not answer.", e));
        }
    }
}

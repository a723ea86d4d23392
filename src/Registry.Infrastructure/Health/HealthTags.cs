namespace Registry.Infrastructure.Health;

public static class HealthTags
{
    /// <summary>The checks a load balancer's readiness probe runs: the database, the job storage, the outbox.</summary>
    public const string Ready = "ready";
}

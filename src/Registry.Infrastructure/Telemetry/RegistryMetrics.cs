using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Registry.Infrastructure.Telemetry;

/// <summary>
/// The registry's own instruments, all on one meter named <see cref="Name"/> (served with the framework's at /metrics):
/// background jobs run, the outbox's failed sends and rate-limit refusals; the outbox's backlog is <see cref="OutboxBacklog"/>'s gauge. Their labels name kinds of
/// things (a job's class, an outcome, a kind of caller), never a person, an address or a credential.
/// </summary>
public sealed class RegistryMetrics
{
    public const string Name = "Registry";

    /// <summary>The registry's own spans (a background job's run); ASP.NET Core, HttpClient, EF Core and Npgsql make theirs.</summary>
    public static readonly ActivitySource Spans = new(Name);

    private readonly Counter<long> _jobs;
    private readonly Counter<long> _sendFailures;
    private readonly Counter<long> _rateLimitRejections;

    public RegistryMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(Name);
        _jobs = meter.CreateCounter<long>("registry.jobs.completed", "{job}",
            "Background job runs that ended, by job class (job) and outcome (succeeded or failed; a failed run may be retried).");
        _sendFailures = meter.CreateCounter<long>("registry.outbox.send_failures", "{message}",
            "Outbox messages the mail system refused, by outcome (retrying later, or given_up after the last attempt).");
        _rateLimitRejections = meter.CreateCounter<long>("registry.rate_limit.rejections", "{request}",
            "Verification requests refused with 429, by kind of caller (anonymous, api-key, employer).");
    }

    public void JobCompleted(string job, bool succeeded) =>
        _jobs.Add(1, new KeyValuePair<string, object?>("job", job), new KeyValuePair<string, object?>("outcome", succeeded ? "succeeded" : "failed"));

    public void SendFailed(bool givenUp) =>
        _sendFailures.Add(1, new KeyValuePair<string, object?>("outcome", givenUp ? "given_up" : "retrying"));

    public void RateLimitRejected(string? caller) =>
        _rateLimitRejections.Add(1, new KeyValuePair<string, object?>("caller", caller ?? "unknown"));
}

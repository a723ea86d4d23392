using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Registry.Infrastructure.Persistence;

namespace Registry.Infrastructure.Telemetry;

/// <summary>
/// The unsent outbox messages for the <c>registry.outbox.backlog</c> gauge, counted by one query at most every
/// <see cref="MaxAge"/>, however often and by however many scrapers the gauge is read. A scrape waits at most
/// <see cref="ScrapeWait"/> for a count and never queues a second one; while the database cannot be reached the gauge is
/// left out rather than shown stale.
/// </summary>
public sealed class OutboxBacklog
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan ScrapeWait = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan QueryTimeout = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private Counts? _counts;
    private DateTimeOffset _countedAt;
    private Task? _counting;

    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _clock;
    private readonly ILogger<OutboxBacklog> _logger;

    public OutboxBacklog(IMeterFactory meters, IServiceScopeFactory scopes, TimeProvider clock, ILogger<OutboxBacklog> logger)
    {
        (_scopes, _clock, _logger) = (scopes, clock, logger);
        meters.Create(RegistryMetrics.Name).CreateObservableGauge("registry.outbox.backlog", Measure, "{message}",
            "Unsent outbox messages, by state: waiting to be sent, or given_up after every attempt (they wait on /Staff/Outbox).");
    }

    private sealed record Counts(int Waiting, int GivenUp);

    private IEnumerable<Measurement<long>> Measure()
    {
        Task counting;
        lock (_gate)
        {
            var now = _clock.GetUtcNow();
            if (_counts is not null && now >= _countedAt && now - _countedAt < MaxAge) return Measurements(_counts);
            // The count is no part of the scrape's request: its own scope, no request to hold its context, no parent span.
            using (ExecutionContext.SuppressFlow())
                counting = _counting ??= Task.Run(CountAsync);
        }
        counting.Wait(ScrapeWait);
        lock (_gate) return _counts is null ? [] : Measurements(_counts);
    }

    private static Measurement<long>[] Measurements(Counts counts) =>
    [
        new(counts.Waiting, new KeyValuePair<string, object?>("state", "waiting")),
        new(counts.GivenUp, new KeyValuePair<string, object?>("state", "given_up")),
    ];

    private async Task CountAsync()
    {
        Counts? counts = null;
        try
        {
            using var timeout = new CancellationTokenSource(QueryTimeout);
            await using var scope = _scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            counts = await db.Notifications.AsNoTracking().Where(n => n.SentAt == null)
                .GroupBy(n => 1)
                .Select(unsent => new Counts(unsent.Count(n => n.FailedAt == null), unsent.Count(n => n.FailedAt != null)))
                .SingleOrDefaultAsync(timeout.Token) ?? new Counts(0, 0);
        }
        catch (Exception e)
        {
            _logger.LogWarning("The outbox backlog could not be counted for the metrics ({Error}: {Reason}); the gauge is left out until it can be.", e.GetType().Name, e.Message);
        }
        lock (_gate)
        {
            _counts = counts;
            _countedAt = _clock.GetUtcNow();
            _counting = null;
        }
    }
}

using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Registry.Application.Common.Interfaces;
using Registry.Domain.Notifications;
using Registry.Infrastructure.Mail;
using Registry.Infrastructure.Persistence;
using Registry.Infrastructure.Telemetry;
using Registry.Testing;
using Registry.Web.Tests.Account;

namespace Registry.Web.Tests.Mail;

/// <summary>
/// Tests of the outbox on PostgreSQL, with dispatchers built here around a sender, settings and clock of the
/// test's choosing. The host's own every-minute job is paused so that only the dispatchers under test send.
/// </summary>
public abstract class OutboxTest(WebFixture fixture) : IAsyncLifetime
{
    protected WebFixture Fixture { get; } = fixture;

    /// <summary>The dispatchers' clock; the host keeps its own.</summary>
    protected TestClock Clock { get; } = new();

    protected string Pickup { get; } = Path.Combine(Path.GetTempPath(), "registry-mail-tests", Guid.NewGuid().ToString("N"));

    async Task IAsyncLifetime.InitializeAsync()
    {
        Fixture.Factory.Services.GetRequiredService<IRecurringJobManager>().RemoveIfExists(OutboxSchedule.JobId);
        await Fixture.Factory.Database.ResetAsync();
    }

    Task IAsyncLifetime.DisposeAsync()
    {
        OutboxSchedule.Register(Fixture.Factory.Services.GetRequiredService<IRecurringJobManager>());
        if (Directory.Exists(Pickup)) Directory.Delete(Pickup, recursive: true);
        return Task.CompletedTask;
    }

    protected async Task<Notification[]> QueueAsync(int count)
    {
        var start = Clock.GetUtcNow().AddMinutes(-count);
        var messages = Enumerable.Range(1, count)
            .Select(i => TestMessages.Labelled($"peer{i}@test.example", $"Message {i}", start.AddSeconds(i)))
            .ToArray();
        await Fixture.InsertAsync(messages);
        return messages;
    }

    protected MailOptions Options(int maxPerMinute = 120) => new() { PickupDirectory = Pickup, MaxPerMinute = maxPerMinute };

    /// <summary>One run of a dispatcher in its own scope, as the recurring job runs it.</summary>
    protected async Task<int> DispatchAsync(IMailSender sender, int maxPerMinute = 120)
    {
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        return await Dispatcher(scope.ServiceProvider, sender, Options(maxPerMinute), Clock).DispatchAsync();
    }

    public static OutboxDispatcher Dispatcher(IServiceProvider services, IMailSender sender, MailOptions options, TimeProvider clock) =>
        new(services.GetRequiredService<RegistryDbContext>(), sender, TestMessages.Templates, options, services.GetRequiredService<IAuditContext>(), clock,
            services.GetRequiredService<JobStorage>(), NullLogger<OutboxDispatcher>.Instance, services.GetRequiredService<RegistryMetrics>());

    protected Task<List<Notification>> OutboxAsync() => Fixture.QueryAsync(db => db.Notifications.AsNoTracking().OrderBy(n => n.CreatedAt).ToListAsync());
}

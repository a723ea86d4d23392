using Hangfire;
using Microsoft.Extensions.Hosting;

namespace Registry.Infrastructure.Mail;

/// <summary>Schedules the outbox dispatcher as the recurring job <see cref="JobId"/>, every minute.</summary>
public sealed class OutboxSchedule(IRecurringJobManager recurringJobs) : IHostedService
{
    public const string JobId = "outbox-dispatch";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Register(recurringJobs);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static void Register(IRecurringJobManager recurringJobs) =>
        recurringJobs.AddOrUpdate<OutboxDispatcher>(JobId, dispatcher => dispatcher.DispatchAsync(CancellationToken.None), Cron.Minutely());

    /// <summary>Runs the dispatch now on the job server, without waiting for the next minute.</summary>
    public static void TriggerNow(IRecurringJobManager recurringJobs) => recurringJobs.Trigger(JobId);
}

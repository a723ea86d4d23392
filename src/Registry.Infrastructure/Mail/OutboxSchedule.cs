using Hangfire;
using Microsoft.Extensions.Hosting;

namespace Registry.Infrastructure.Mail;

/// <summary>
/// Schedules the outbox dispatcher as the recurring job <see cref="JobId"/>, every minute. To send at once, use
/// "Trigger now" on the job dashboard (/jobs), or "Send unsent messages now" on /Development/Mail in Development.
/// </summary>
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
}

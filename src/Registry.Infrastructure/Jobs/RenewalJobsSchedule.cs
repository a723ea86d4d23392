using Hangfire;
using Microsoft.Extensions.Hosting;

namespace Registry.Infrastructure.Jobs;

/// <summary>
/// Registers the daily credential jobs with Hangfire, by name (they show under Recurring jobs on /jobs):
/// <see cref="CredentialExpiryJob.JobId"/> at 10:05 UTC (just after midnight in Hawaii, when a day has ended
/// everywhere in the United States) <see cref="RenewalReminderJob.JobId"/> at 14:00 UTC (morning on the East Coast) and
/// <see cref="RetentionReminderJob.JobId"/> at 14:30 UTC.
/// </summary>
public sealed class RenewalJobsSchedule(IRecurringJobManager recurringJobs) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurringJobs.AddOrUpdate<CredentialExpiryJob>(CredentialExpiryJob.JobId, job => job.RunAsync(CancellationToken.None), "5 10 * * *");
        recurringJobs.AddOrUpdate<RenewalReminderJob>(RenewalReminderJob.JobId, job => job.RunAsync(CancellationToken.None), "0 14 * * *");
        recurringJobs.AddOrUpdate<RetentionReminderJob>(RetentionReminderJob.JobId, job => job.RunAsync(CancellationToken.None), "30 14 * * *");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

using Hangfire;
using MediatR;
using Microsoft.Extensions.Hosting;
using Registry.Application.Features.Records;
using Registry.Infrastructure.Identity;

namespace Registry.Infrastructure.Jobs;

/// <summary>Schedules <see cref="UnattachedEvidenceJob"/> as the recurring job <see cref="JobId"/>, daily at 11:30 UTC.</summary>
public sealed class UnattachedEvidenceSchedule(IRecurringJobManager recurringJobs) : IHostedService
{
    public const string JobId = "unattached-evidence-cleanup";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurringJobs.AddOrUpdate<UnattachedEvidenceJob>(JobId, job => job.RunAsync(CancellationToken.None), "30 11 * * *");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>A background sender of <see cref="RemoveUnattachedEvidence"/>, acting as the system.</summary>
[DisableConcurrentExecution(timeoutInSeconds: 600)]
public sealed class UnattachedEvidenceJob(IMediator mediator)
{
    public async Task<RemoveUnattachedEvidence.Outcome> RunAsync(CancellationToken cancellationToken)
    {
        using var runAs = CurrentUser.RunAs(SystemPrincipal.Jobs);
        return await mediator.Send(new RemoveUnattachedEvidence.Command(), cancellationToken);
    }
}

using System.Security.Claims;
using Hangfire;
using MediatR;
using Microsoft.Extensions.Hosting;
using Registry.Application.Common.Security;
using Registry.Application.Features.Employers;
using Registry.Infrastructure.Identity;

namespace Registry.Infrastructure.Jobs;

/// <summary>Schedules <see cref="WatchListJob"/> as the recurring job <see cref="JobId"/>, every minute.</summary>
public sealed class WatchListSchedule(IRecurringJobManager recurringJobs) : IHostedService
{
    public const string JobId = "watch-list-notify";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurringJobs.AddOrUpdate<WatchListJob>(JobId, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>A background sender of <see cref="NotifyWatchingEmployers"/>, acting as the system.</summary>
[DisableConcurrentExecution(timeoutInSeconds: 120)]
public sealed class WatchListJob(IMediator mediator)
{
    public async Task<NotifyWatchingEmployers.Outcome> RunAsync(CancellationToken cancellationToken)
    {
        using var runAs = CurrentUser.RunAs(SystemPrincipal.Jobs);
        return await mediator.Send(new NotifyWatchingEmployers.Command(), cancellationToken);
    }
}

/// <summary>The principal background jobs act as: a system administrator with no account, named "System".</summary>
public static class SystemPrincipal
{
    public static ClaimsPrincipal Jobs { get; } = new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, "System"), new Claim(ClaimTypes.Role, Roles.SystemAdmin)], authenticationType: "System"));
}

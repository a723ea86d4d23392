using Hangfire;
using MediatR;
using Registry.Application.Common.Interfaces;
using Registry.Application.Features.Employers;
using Registry.Infrastructure.Identity;

namespace Registry.Infrastructure.Jobs;

/// <summary>A background sender of <see cref="RunRosterVerification"/>, acting as the system.</summary>
public sealed class RosterVerificationJob(IMediator mediator)
{
    /// <summary>The roster jobs' own queue: every job server works it, whatever else it is configured to work.</summary>
    public const string Queue = "roster-verifications";

    public async Task<RunRosterVerification.Outcome> RunAsync(Guid rosterVerificationId, CancellationToken cancellationToken)
    {
        using var runAs = CurrentUser.RunAs(SystemPrincipal.Jobs);
        return await mediator.Send(new RunRosterVerification.Command(rosterVerificationId), cancellationToken);
    }
}

/// <summary>Puts a roster verification on <see cref="RosterVerificationJob.Queue"/>.</summary>
public sealed class RosterVerificationQueue(IBackgroundJobClient jobs) : IRosterVerificationQueue
{
    public void Enqueue(Guid rosterVerificationId) =>
        jobs.Enqueue<RosterVerificationJob>(RosterVerificationJob.Queue, job => job.RunAsync(rosterVerificationId, CancellationToken.None));
}

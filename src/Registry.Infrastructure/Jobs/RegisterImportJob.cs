using Hangfire;
using MediatR;
using Registry.Application.Common.Interfaces;
using Registry.Application.Features.RegisterImports;
using Registry.Infrastructure.Identity;

namespace Registry.Infrastructure.Jobs;

/// <summary>A background sender of <see cref="RunRegisterImport"/> (a dry run or an import), acting as the system.</summary>
public sealed class RegisterImportJob(IMediator mediator)
{
    /// <summary>Its own queue, worked by every job server, as the roster verifications' is.</summary>
    public const string Queue = "register-imports";

    [AutomaticRetry(Attempts = 1)]
    public async Task<RunRegisterImport.Outcome> RunAsync(Guid registerImportId, CancellationToken cancellationToken)
    {
        using var runAs = CurrentUser.RunAs(SystemPrincipal.Jobs);
        return await mediator.Send(new RunRegisterImport.Command(registerImportId), cancellationToken);
    }
}

/// <summary>Puts a register import on <see cref="RegisterImportJob.Queue"/>.</summary>
public sealed class RegisterImportQueue(IBackgroundJobClient jobs) : IRegisterImportQueue
{
    public void Enqueue(Guid registerImportId) =>
        jobs.Enqueue<RegisterImportJob>(RegisterImportJob.Queue, job => job.RunAsync(registerImportId, CancellationToken.None));
}

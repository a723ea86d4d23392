using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Time;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Application.Features.Discipline;
using Registry.Domain.Applications;

namespace Registry.Application.Features.Renewals;

/// <summary>The holder of a lapsed credential applies for reinstatement; the program's requirements say what it needs.</summary>
public static class StartReinstatement
{
    [AllowedRoles(Roles.Applicant)]
    public sealed record Command(Guid CredentialId) : ICommand<StartRenewal.Started>, ICredentialScoped;

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user, TimeProvider clock, IRegistryCalendar calendar) : IRequestHandler<Command, StartRenewal.Started>
    {
        public async Task<StartRenewal.Started> Handle(Command command, CancellationToken cancellationToken)
        {
            var credential = await db.LoadCredentialAsync(command.CredentialId, cancellationToken);
            await db.RequireNoOpenApplicationAsync(credential, cancellationToken);
            var program = await db.Programs.AsNoTracking().SingleAsync(p => p.Id == credential.ProgramId, cancellationToken);
            var application = CertificationApplication.StartReinstatement(credential, program.Requirements, await calendar.TodayAsync(credential.StateCode, cancellationToken), user.UserId!.Value, clock.GetUtcNow());
            db.Applications.Add(application);
            return new StartRenewal.Started(application.Id, credential.Number.Value, application.CycleStartsOn!.Value, credential.ExpiresOn);
        }
    }
}

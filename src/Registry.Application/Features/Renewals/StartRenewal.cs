using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Time;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Application.Features.Discipline;
using Registry.Domain.Applications;

namespace Registry.Application.Features.Renewals;

/// <summary>
/// The holder starts a renewal of their credential, from the renewal window's opening to the end of the
/// grace period; one open renewal per credential. After the grace period the path is reinstatement.
/// </summary>
public static class StartRenewal
{
    [AllowedRoles(Roles.Applicant)]
    public sealed record Command(Guid CredentialId) : ICommand<Started>, ICredentialScoped;

    public sealed record Started(Guid ApplicationId, string CredentialNumber, DateOnly CycleStartsOn, DateOnly ExpiresOn);

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user, TimeProvider clock, IRegistryCalendar calendar) : IRequestHandler<Command, Started>
    {
        public async Task<Started> Handle(Command command, CancellationToken cancellationToken)
        {
            var credential = await db.LoadCredentialAsync(command.CredentialId, cancellationToken);
            await db.RequireNoOpenApplicationAsync(credential, cancellationToken);
            var program = await db.Programs.AsNoTracking().SingleAsync(p => p.Id == credential.ProgramId, cancellationToken);
            var application = CertificationApplication.StartRenewal(credential, program.Requirements, await calendar.TodayAsync(credential.StateCode, cancellationToken), user.UserId!.Value, clock.GetUtcNow());
            db.Applications.Add(application);
            return new Started(application.Id, credential.Number.Value, application.CycleStartsOn!.Value, credential.ExpiresOn);
        }
    }
}

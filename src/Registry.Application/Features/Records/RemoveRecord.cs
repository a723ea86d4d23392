using MediatR;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Application.Features.Applications;
using Registry.Domain.Applications;

namespace Registry.Application.Features.Records;

/// <summary>The applicant removes a training, work, supervision, reference or continuing-education entry added by mistake (not once confirmed).</summary>
public static class RemoveRecord
{
    [AllowedRoles(Roles.Applicant)]
    public sealed record Command(Guid ApplicationId, RecordKind Kind, Guid RecordId) : ICommand<Unit>, IApplicationScoped;

    public sealed class Handler(IRegistryDbContext db) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var application = await db.Applications.LoadAsync(command.ApplicationId, cancellationToken);
            application.RemoveRecord(command.Kind, command.RecordId);
            return Unit.Value;
        }
    }
}

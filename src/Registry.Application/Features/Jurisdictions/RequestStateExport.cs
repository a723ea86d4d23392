using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Domain.Jurisdictions;

namespace Registry.Application.Features.Jurisdictions;

/// <summary>
/// A StateAdmin (their own state) or a SystemAdmin (any) asks for everything the registry holds for a state; the
/// zip is written in the background and kept for <see cref="StateExportSettings.Retention"/>.
/// </summary>
public static class RequestStateExport
{
    [AllowedRoles(Roles.StateAdmin, Roles.SystemAdmin)]
    public sealed record Command(string StateCode) : ICommand<Requested>, IStateScoped;

    public sealed record Requested(Guid Id, StateExportStatus Status);

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user, TimeProvider clock, StateExportSettings settings, IStateExportQueue queue)
        : IRequestHandler<Command, Requested>
    {
        public async Task<Requested> Handle(Command command, CancellationToken cancellationToken)
        {
            var state = StateCode.Parse(command.StateCode);
            if (!await db.Jurisdictions.AnyAsync(j => j.Code == state, cancellationToken)) throw new NotFoundException("State", command.StateCode);
            var requestedBy = user.UserId ?? throw new ForbiddenException();
            var export = new StateExport(state, requestedBy, clock.GetUtcNow(), settings.Retention);
            db.StateExports.Add(export);
            // Saved before it is queued: a job server may take it at once, and must find it.
            await db.SaveChangesAsync(cancellationToken);
            queue.Enqueue(export.Id);
            return new Requested(export.Id, export.Status);
        }
    }
}

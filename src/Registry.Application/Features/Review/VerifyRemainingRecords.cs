using MediatR;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Application.Features.Applications;
using Registry.Domain.Applications;

namespace Registry.Application.Features.Review;

/// <summary>
/// A reviewer who has checked the evidence verifies every training, work or continuing-education entry still
/// pending at once, so the application can be approved; the page asks them to confirm the count first.
/// </summary>
public static class VerifyRemainingRecords
{
    [AllowedRoles(Roles.Reviewer, Roles.StateAdmin)]
    public sealed record Command(Guid ApplicationId) : ICommand<PendingEntries>, IApplicationScoped;

    public sealed class Handler(IRegistryDbContext db) : IRequestHandler<Command, PendingEntries>
    {
        public async Task<PendingEntries> Handle(Command command, CancellationToken cancellationToken)
        {
            var application = await db.Applications.LoadAsync(command.ApplicationId, cancellationToken);
            return application.VerifyRemainingRecords();
        }
    }
}

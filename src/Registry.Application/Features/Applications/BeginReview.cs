using MediatR;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Domain.Applications;

namespace Registry.Application.Features.Applications;

/// <summary>A reviewer of the application's state takes a submitted application into review.</summary>
public static class BeginReview
{
    [AllowedRoles(Roles.Reviewer, Roles.StateAdmin)]
    public sealed record Command(Guid ApplicationId) : ICommand<ApplicationStatus>, IApplicationScoped;

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<Command, ApplicationStatus>
    {
        public async Task<ApplicationStatus> Handle(Command command, CancellationToken cancellationToken)
        {
            var application = await db.Applications.LoadAsync(command.ApplicationId, cancellationToken);
            application.BeginReview(user.UserId!.Value, clock.GetUtcNow());
            return application.Status;
        }
    }
}

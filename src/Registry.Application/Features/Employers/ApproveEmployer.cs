using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Behaviours;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messages;
using Registry.Application.Common.Messages.Templates;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;

namespace Registry.Application.Features.Employers;

/// <summary>A StateAdmin of the organisation's state, or a SystemAdmin, approves it; its contact is told by e-mail.</summary>
public static class ApproveEmployer
{
    [AllowedRoles(Roles.StateAdmin, Roles.SystemAdmin)]
    public sealed record Command(Guid EmployerId) : ICommand<Unit>;

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user, TimeProvider clock, RequestScope scope) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var employer = await db.Employers.SingleOrDefaultAsync(e => e.Id == command.EmployerId, cancellationToken);
            // Another state's organisation is none of this administrator's business, so it "does not exist".
            if (employer is null || (!user.IsInRole(Roles.SystemAdmin) && employer.StateCode != user.StateCode))
                throw new NotFoundException("Employer", command.EmployerId);
            var now = clock.GetUtcNow();
            employer.Approve(user.UserId, now);
            scope.StateCode = employer.StateCode;
            db.Notifications.Add(Outbox.Message(employer.ContactEmail, new EmployerApprovedMessage(employer.Name), now,
                deduplicationKey: $"employer-approved:{employer.Id}"));
            return Unit.Value;
        }
    }
}

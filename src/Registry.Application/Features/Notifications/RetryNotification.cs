using FluentValidation;
using MediatR;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;

namespace Registry.Application.Features.Notifications;

/// <summary>
/// A SystemAdmin's "retry now" on an unsent message (typically one given up after every attempt, once the
/// mail relay works again): it is due at once, with a fresh set of attempts. Audited like every change.
/// </summary>
public static class RetryNotification
{
    [AllowedRoles(Roles.SystemAdmin)]
    public sealed record Command(Guid NotificationId) : ICommand<Unit>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.NotificationId).NotEmpty();
    }

    public sealed class Handler(IRegistryDbContext db, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var notification = await db.Notifications.FindAsync([command.NotificationId], cancellationToken)
                ?? throw new NotFoundException("Message", command.NotificationId);
            notification.Requeue(clock.GetUtcNow());
            return Unit.Value;
        }
    }
}

using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messages.Templates;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;

namespace Registry.Application.Features.Accounts;

/// <summary>
/// Sends a new confirmation link to an account still waiting for one, at most <see cref="AccountMailLimits.PerHour"/>
/// confirmation mails an hour; says nothing about whether it exists.
/// </summary>
public static class ResendConfirmation
{
    public const string Answer = "If an account with that e-mail address is waiting for confirmation, we have sent it a new link.";

    [PublicRequest]
    public sealed record Command : ICommand<Unit>
    {
        public string Email { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Email).AccountEmail();
    }

    public sealed class Handler(IRegistryDbContext db, IIdentityService identity, IAccountLinks links, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var user = await identity.FindByEmailAsync(command.Email.Trim());
            var maySend = await AccountMailLimits.MaySendAsync(db, clock, user?.Email ?? command.Email, ConfirmEmailMessage.Template, cancellationToken);
            if (user is not { EmailConfirmed: false } || !maySend) return Unit.Value;
            var firstName = await db.People.Where(p => p.Id == user.PersonId).Select(p => p.LegalFirstName).SingleOrDefaultAsync(cancellationToken);
            db.Notifications.Add(await AccountEmails.ConfirmEmailAsync(identity, links, clock, user.Id, user.Email, firstName, user.PersonId));
            return Unit.Value;
        }
    }
}

using FluentValidation;
using MediatR;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messages.Templates;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;

namespace Registry.Application.Features.Accounts;

/// <summary>
/// E-mails a reset link if the account exists, at most <see cref="AccountMailLimits.PerHour"/> an hour; answers the
/// same either way, after the same lookups, so no one learns who has an account.
/// </summary>
public static class RequestPasswordReset
{
    public const string Answer = "If an account uses that e-mail address, we have sent it a link to reset the password. The link works for one day.";

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
            var maySend = await AccountMailLimits.MaySendAsync(db, clock, user?.Email ?? command.Email, ResetPasswordMessage.Template, cancellationToken);
            if (user is null || !maySend) return Unit.Value;
            var link = links.ResetPassword(user.Email, await identity.PasswordResetCodeAsync(user.Id));
            db.Notifications.Add(AccountEmails.ResetPassword(user.Email, link, clock.GetUtcNow(), user.PersonId));
            return Unit.Value;
        }
    }
}

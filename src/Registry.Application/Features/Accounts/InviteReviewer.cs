using FluentValidation;
using Registry.Application.Common.Validation;
using MediatR;
using Registry.Application.Common.Behaviours;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;

namespace Registry.Application.Features.Accounts;

/// <summary>A StateAdmin invites a reviewer of their own state; the e-mail carries a link to choose a password.</summary>
public static class InviteReviewer
{
    [AllowedRoles(Roles.StateAdmin)]
    public sealed record Command : ICommand<Unit>, ISavesInSteps
    {
        public string DisplayName { get; init; } = "";
        public string Email { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IIdentityService identity)
        {
            RuleFor(c => c.DisplayName).NotEmpty().WithMessage("Enter the reviewer's name.").MaximumLength(200).ReadableText();
            RuleFor(c => c.Email).AccountEmail("Enter the reviewer's e-mail address.")
                .MustAsync(async (email, _) => await identity.FindByEmailAsync(email.Trim()) is null)
                .WithMessage("An account with this e-mail address already exists.");
        }
    }

    public sealed class Handler(IRegistryDbContext db, IIdentityService identity, IAccountLinks links, ICurrentUser user, TimeProvider clock, RequestScope scope)
        : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var state = user.StateCode ?? throw new InvalidOperationException("A StateAdmin always has a state.");
            scope.StateCode = state;
            var (email, displayName) = (command.Email.Trim(), command.DisplayName.Trim());
            var reviewerId = await identity.CreateUserAsync(new NewAccount(email, displayName) { StateCode = state, EmailConfirmed = true }, Roles.Reviewer, password: null);
            var link = links.ResetPassword(email, await identity.PasswordResetCodeAsync(reviewerId));
            db.Notifications.Add(AccountEmails.InviteReviewer(email, displayName, state.Value, link, clock.GetUtcNow()));
            return Unit.Value;
        }
    }
}

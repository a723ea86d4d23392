using FluentValidation;
using MediatR;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;

namespace Registry.Application.Features.Accounts;

/// <summary>A new password, chosen through the link in a reset (or invitation) e-mail; the link then stops working.</summary>
public static class ResetPassword
{
    public const string InvalidLink = "This reset link is not valid or has expired. Ask for a new one.";

    [PublicRequest]
    public sealed record Command : ICommand<Unit>
    {
        public string Email { get; init; } = "";
        public string Code { get; init; } = "";
        public string Password { get; init; } = "";

        /// <summary>The new password again, from the form; the API leaves it out.</summary>
        public string? ConfirmPassword { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Email).AccountEmail();
            RuleFor(c => c.Code).NotEmpty().WithMessage("This reset link is not complete. Ask for a new one.");
            RuleFor(c => c.Password).ChosenPassword("Choose a new password.");
            RuleFor(c => c.ConfirmPassword).RepeatsPassword(c => c.Password, "Enter your new password again.").When(c => c.ConfirmPassword is not null);
        }
    }

    public sealed class Handler(IIdentityService identity) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!await identity.ResetPasswordAsync(command.Email.Trim(), command.Code, command.Password))
                throw AccountRules.Refusal("", InvalidLink);
            return Unit.Value;
        }
    }
}

using FluentValidation;
using MediatR;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;

namespace Registry.Application.Features.Accounts;

/// <summary>The link in a confirmation e-mail confirms the address, so the account can sign in.</summary>
public static class ConfirmEmail
{
    public const string InvalidLink = "This confirmation link is not valid or has expired. Ask for a new one.";

    [PublicRequest]
    public sealed record Command : ICommand<Unit>
    {
        public string? UserId { get; init; }
        public string? Code { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Code).NotEmpty().WithMessage(InvalidLink);
    }

    public sealed class Handler(IIdentityService identity) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!Guid.TryParse(command.UserId, out var userId) || !await identity.ConfirmEmailAsync(userId, command.Code!))
                throw AccountRules.Refusal(nameof(Command.Code), InvalidLink);
            return Unit.Value;
        }
    }
}

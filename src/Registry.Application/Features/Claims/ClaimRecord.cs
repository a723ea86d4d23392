using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Behaviours;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Application.Features.Accounts;
using Registry.Domain.Claims;

namespace Registry.Application.Features.Claims;

/// <summary>
/// A holder opens the invitation link, confirms the e-mail it was sent to (and the date of birth when the state asks)
/// and chooses a password: an Applicant account linked to the existing record is created, its address already proven
/// by the link. The link then stops working. A wrong answer is counted (<see cref="ClaimAnswers"/>) and answered
/// <see cref="ClaimAnswers.Outcome.WrongAnswer"/>; nothing else changes.
/// </summary>
public static class ClaimRecord
{
    [PublicRequest]
    public sealed record Command : ICommand<ClaimAnswers.Outcome>, ISavesInSteps
    {
        public string Token { get; init; } = "";
        public string Email { get; init; } = "";
        public DateOnly? DateOfBirth { get; init; }
        public string Password { get; init; } = "";

        /// <summary>The password again, from the form.</summary>
        public string? ConfirmPassword { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Token).NotEmpty().WithMessage(RecordClaim.NotUsable);
            RuleFor(c => c.Email).AccountEmail("Enter the e-mail address this invitation was sent to.");
            RuleFor(c => c.Password).ChosenPassword();
            RuleFor(c => c.ConfirmPassword).RepeatsPassword(c => c.Password, "Enter your password again.").When(c => c.ConfirmPassword is not null);
        }
    }

    public sealed class Handler(IRegistryDbContext db, IIdentityService identity, TimeProvider clock, RequestScope scope)
        : IRequestHandler<Command, ClaimAnswers.Outcome>
    {
        public async Task<ClaimAnswers.Outcome> Handle(Command command, CancellationToken cancellationToken)
        {
            await identity.RefuseUnacceptablePasswordAsync(command.Password);
            var now = clock.GetUtcNow();
            var hash = RecordClaim.HashOf(ClaimKind.Invitation, command.Token);
            var claim = await db.RecordClaims.SingleOrDefaultAsync(c => c.Kind == ClaimKind.Invitation && c.TokenHash == hash, cancellationToken)
                ?? throw AccountRules.Refusal("", RecordClaim.NotUsable);
            scope.StateCode = claim.StateCode;
            await ClaimAnswers.EnsureOpenAsync(identity, claim, now, cancellationToken);

            var person = await db.People.SingleAsync(p => p.Id == claim.PersonId, cancellationToken);
            var email = command.Email.Trim();
            if (!string.Equals(email, claim.Email, StringComparison.OrdinalIgnoreCase)
                || !await ClaimAnswers.DateOfBirthMatchesAsync(db, claim, person, command.DateOfBirth, cancellationToken))
                return ClaimAnswers.Refuse(scope, claim, nameof(ClaimRecord));

            claim.Use(now);
            await ClaimAnswers.ReplaceOthersAsync(db, claim, now, cancellationToken);
            await identity.CreateUserAsync(new NewAccount(claim.Email!, person.PublicName) { PersonId = person.Id, EmailConfirmed = true }, Roles.Applicant, command.Password);
            return ClaimAnswers.Outcome.Claimed;
        }
    }
}

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
/// A holder without an e-mail on record claims it with the code staff gave them: the code, the credential number (and
/// the date of birth when the state asks), an e-mail and a password. The account starts unconfirmed and the usual
/// confirmation e-mail is sent; the record takes that address. A wrong code or answer is counted and answered
/// <see cref="ClaimAnswers.Outcome.WrongAnswer"/>.
/// </summary>
public static class ClaimRecordWithCode
{
    [PublicRequest]
    public sealed record Command : ICommand<ClaimAnswers.Outcome>, ISavesInSteps
    {
        public string Code { get; init; } = "";
        public string CredentialNumber { get; init; } = "";
        public DateOnly? DateOfBirth { get; init; }
        public string Email { get; init; } = "";
        public string Password { get; init; } = "";

        /// <summary>The password again, from the form.</summary>
        public string? ConfirmPassword { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Code).NotEmpty().WithMessage("Enter the code your state's board gave you.").MaximumLength(40);
            RuleFor(c => c.CredentialNumber).NotEmpty().WithMessage("Enter your credential number.").MaximumLength(40);
            RuleFor(c => c.Email).AccountEmail();
            RuleFor(c => c.Password).ChosenPassword();
            RuleFor(c => c.ConfirmPassword).RepeatsPassword(c => c.Password, "Enter your password again.").When(c => c.ConfirmPassword is not null);
        }
    }

    public sealed class Handler(IRegistryDbContext db, IIdentityService identity, IAccountLinks links, TimeProvider clock, RequestScope scope)
        : IRequestHandler<Command, ClaimAnswers.Outcome>
    {
        public async Task<ClaimAnswers.Outcome> Handle(Command command, CancellationToken cancellationToken)
        {
            await identity.RefuseUnacceptablePasswordAsync(command.Password);
            var now = clock.GetUtcNow();
            var hash = RecordClaim.HashOf(ClaimKind.Code, command.Code);
            var claim = await db.RecordClaims.SingleOrDefaultAsync(c => c.Kind == ClaimKind.Code && c.TokenHash == hash, cancellationToken);
            if (claim is null) return ClaimAnswers.Refuse(scope, null, nameof(ClaimRecordWithCode));
            scope.StateCode = claim.StateCode;
            await ClaimAnswers.EnsureOpenAsync(identity, claim, now, cancellationToken);

            var credential = await db.Credentials.AsNoTracking().SingleAsync(c => c.Id == claim.CredentialId, cancellationToken);
            var person = await db.People.SingleAsync(p => p.Id == claim.PersonId, cancellationToken);
            if (!string.Equals(credential.Number.Value, command.CredentialNumber.Trim(), StringComparison.OrdinalIgnoreCase)
                || !await ClaimAnswers.DateOfBirthMatchesAsync(db, claim, person, command.DateOfBirth, cancellationToken))
                return ClaimAnswers.Refuse(scope, claim, nameof(ClaimRecordWithCode));

            claim.Use(now);
            await ClaimAnswers.ReplaceOthersAsync(db, claim, now, cancellationToken);
            person.ChangeEmail(command.Email.Trim());
            var userId = await identity.CreateUserAsync(new NewAccount(person.Email!, person.PublicName) { PersonId = person.Id }, Roles.Applicant, command.Password);
            db.Notifications.Add(await AccountEmails.ConfirmEmailAsync(identity, links, clock, userId, person.Email!, person.LegalFirstName, person.Id));
            return ClaimAnswers.Outcome.Claimed;
        }
    }
}

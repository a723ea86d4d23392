using FluentValidation;
using Registry.Application.Common.Validation;
using MediatR;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Domain.People;

namespace Registry.Application.Features.Accounts;

/// <summary>
/// A new applicant opens an account: their sign-in, their person record and the confirmation e-mail, all or nothing.
/// An address that already has an account is told so by e-mail; the caller hears <see cref="Answer"/> either way,
/// after the same work (the password checked and hashed), so registering tells no one who has an account.
/// </summary>
public static class RegisterAccount
{
    public const string Answer =
        "Thank you. We have sent an e-mail to the address you gave: open the link in it to confirm the address, then sign in. If the address already has an account, the e-mail says how to sign in instead.";

    [PublicRequest]
    public sealed record Command : ICommand<Unit>, ISavesInSteps
    {
        public string LegalFirstName { get; init; } = "";
        public string LegalLastName { get; init; } = "";
        public string Email { get; init; } = "";
        public string Password { get; init; } = "";

        /// <summary>The password again, from the form; the API leaves it out.</summary>
        public string? ConfirmPassword { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.LegalFirstName).NotEmpty().WithMessage("Enter your legal first name.")
                .MaximumLength(100).WithMessage("Your legal first name can be up to 100 characters.").ReadableText();
            RuleFor(c => c.LegalLastName).NotEmpty().WithMessage("Enter your legal last name.")
                .MaximumLength(100).WithMessage("Your legal last name can be up to 100 characters.").ReadableText();
            RuleFor(c => c.Email).AccountEmail();
            RuleFor(c => c.Password).ChosenPassword();
            RuleFor(c => c.ConfirmPassword).RepeatsPassword(c => c.Password, "Enter your password again.").When(c => c.ConfirmPassword is not null);
        }
    }

    public sealed class Handler(IRegistryDbContext db, IIdentityService identity, IAccountLinks links, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            if (await AccountRegistrations.IsTakenAsync(db, identity, clock, command.Email, command.Password, cancellationToken)) return Unit.Value;
            var email = command.Email.Trim();
            var person = new Person(command.LegalFirstName, command.LegalLastName, email);
            db.People.Add(person); // saved with the sign-in, which Identity saves at once
            var userId = await identity.CreateUserAsync(new NewAccount(email, person.PublicName) { PersonId = person.Id }, Roles.Applicant, command.Password);
            db.Notifications.Add(await AccountEmails.ConfirmEmailAsync(identity, links, clock, userId, email, person.LegalFirstName, person.Id));
            return Unit.Value;
        }
    }
}

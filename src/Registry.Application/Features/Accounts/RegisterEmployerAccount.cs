using FluentValidation;
using Registry.Application.Common.Validation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Behaviours;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Domain.Employers;

namespace Registry.Application.Features.Accounts;

/// <summary>
/// An organisation registers (waiting for its state's approval) with its first user's sign-in and the
/// confirmation e-mail, all or nothing. An address that already has an account is told so by e-mail instead,
/// and the caller hears <see cref="Answer"/> either way (as in <see cref="RegisterAccount"/>).
/// </summary>
public static class RegisterEmployerAccount
{
    public const string Answer =
        "Thank you. We have sent an e-mail to the address you gave: open the link in it to confirm the address, then sign in once the registry has approved your organisation. If the address already has an account, the e-mail says how to sign in instead.";

    [PublicRequest]
    public sealed record Command : ICommand<Unit>, ISavesInSteps
    {
        public string OrganisationName { get; init; } = "";
        public string StateCode { get; init; } = "";
        public string ContactName { get; init; } = "";
        public string Email { get; init; } = "";
        public string Password { get; init; } = "";

        /// <summary>The password again, from the form.</summary>
        public string? ConfirmPassword { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IRegistryDbContext db)
        {
            RuleFor(c => c.OrganisationName).NotEmpty().WithMessage("Enter your organisation's name.")
                .MaximumLength(200).WithMessage("The name can be up to 200 characters.").ReadableText();
            RuleFor(c => c.StateCode).MustAsync(async (code, ct) => Domain.Jurisdictions.StateCode.TryParse(code, out var state) && await db.Jurisdictions.AnyAsync(j => j.Code == state, ct))
                .WithMessage("Choose the state your organisation works in.");
            RuleFor(c => c.ContactName).NotEmpty().WithMessage("Enter your name.").MaximumLength(200).ReadableText();
            RuleFor(c => c.Email).AccountEmail();
            RuleFor(c => c.Password).ChosenPassword();
            RuleFor(c => c.ConfirmPassword).RepeatsPassword(c => c.Password, "Enter your password again.").When(c => c.ConfirmPassword is not null);
        }
    }

    public sealed class Handler(IRegistryDbContext db, IIdentityService identity, IAccountLinks links, TimeProvider clock, RequestScope scope)
        : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            if (await AccountRegistrations.IsTakenAsync(db, identity, clock, command.Email, command.Password, cancellationToken)) return Unit.Value;
            var state = Domain.Jurisdictions.StateCode.Parse(command.StateCode);
            var email = command.Email.Trim();
            var contactName = command.ContactName.Trim();
            var employer = new Employer(command.OrganisationName, email, state, clock.GetUtcNow());
            db.Employers.Add(employer);
            scope.StateCode = state;
            var userId = await identity.CreateUserAsync(new NewAccount(email, contactName) { EmployerId = employer.Id }, Roles.Employer, command.Password);
            db.Notifications.Add(await AccountEmails.ConfirmEmailAsync(identity, links, clock, userId, email, contactName, personId: null));
            return Unit.Value;
        }
    }
}

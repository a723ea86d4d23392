using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messages;
using Registry.Application.Common.Messages.Templates;
using Registry.Application.Common.Security;
using Registry.Domain.Notifications;
using Registry.Domain.People;
using Registry.Infrastructure.Identity;
using Registry.Infrastructure.Persistence;
using Registry.Web.Infrastructure;

namespace Registry.Web.Pages.Account;

/// <summary>
/// Self-service accounts, shared by the account pages and /api/v1/account: registration, e-mail
/// confirmation and password reset. Identity lives here rather than in Registry.Application, which knows no
/// Identity types. Each e-mail goes into the outbox in the same transaction as the change it tells about.
/// </summary>
public sealed class Accounts(UserManager<RegistryUser> users, RegistryDbContext db, IAuditContext audit, TimeProvider clock, EmailLinks links, MediatR.IMediator mediator)
{
    public const string ConfirmFirst =
        "Confirm your e-mail address first: open the link we sent you when you registered. You can ask for a new link at /Account/ResendConfirmation.";

    /// <summary>Field errors keyed by input property name ("" for the whole form); empty when it worked.</summary>
    public sealed class Errors : Dictionary<string, string[]>
    {
        public void Add(string field, string message) => this[field] = [.. (TryGetValue(field, out var messages) ? messages : []), message];

        /// <summary>Shows the errors on a page whose form binds the input as <paramref name="prefix"/>.</summary>
        public void CopyTo(ModelStateDictionary modelState, string prefix = "Input")
        {
            foreach (var (field, messages) in this)
                foreach (var message in messages)
                    modelState.AddModelError(field.Length == 0 ? "" : $"{prefix}.{field}", message);
        }
    }

    /// <summary>Creates the applicant's sign-in, their person record and the confirmation e-mail, all or nothing.</summary>
    public async Task<Errors> RegisterAsync(Registration input, CancellationToken cancellationToken)
    {
        var errors = Validate(input);
        if (errors.Count > 0) return errors;

        audit.Action = "RegisterAccount";
        try
        {
            return await db.InTransactionAsync(async ct =>
            {
                var person = new Person(input.LegalFirstName, input.LegalLastName, input.Email);
                db.People.Add(person); // saved by CreateAsync, which saves this shared context
                var user = new RegistryUser
                {
                    Id = Guid.CreateVersion7(), UserName = person.Email, Email = person.Email, PersonId = person.Id, DisplayName = person.PublicName,
                };
                var created = await users.CreateAsync(user, input.Password);
                if (!created.Succeeded) return IdentityErrors(created, passwordField: nameof(Registration.Password));
                var role = await users.AddToRoleAsync(user, Roles.Applicant);
                if (!role.Succeeded) throw new InvalidOperationException(string.Join(" ", role.Errors.Select(e => e.Description)));

                await QueueConfirmationAsync(user, person.LegalFirstName, ct);
                await db.Database.CurrentTransaction!.CommitAsync(ct);
                return errors;
            }, cancellationToken);
        }
        finally
        {
            db.ChangeTracker.Clear(); // nothing left half-added for a later save in this scope
        }
    }

    /// <summary>
    /// Registers an employer organisation (waiting for approval) and its first user's sign-in, with the
    /// confirmation e-mail, all or nothing.
    /// </summary>
    public async Task<Errors> RegisterEmployerAsync(EmployerRegistration input, CancellationToken cancellationToken)
    {
        var errors = Validate(input);
        if (errors.Count > 0) return errors;

        try
        {
            return await db.InTransactionAsync(async ct =>
            {
                Guid employerId;
                try
                {
                    employerId = await mediator.Send(new Application.Features.Employers.RegisterEmployer.Command
                        { Name = input.OrganisationName, ContactEmail = input.Email, StateCode = input.StateCode }, ct);
                }
                catch (FluentValidation.ValidationException invalid)
                {
                    foreach (var failure in invalid.Errors)
                        errors.Add(failure.PropertyName switch { "Name" => nameof(EmployerRegistration.OrganisationName), "ContactEmail" => "Email", var other => other }, failure.ErrorMessage);
                    return errors;
                }
                audit.Action = "RegisterEmployerAccount";
                var user = new RegistryUser
                {
                    Id = Guid.CreateVersion7(), UserName = input.Email.Trim(), Email = input.Email.Trim(), EmployerId = employerId, DisplayName = input.ContactName.Trim(),
                };
                var created = await users.CreateAsync(user, input.Password);
                if (!created.Succeeded) return IdentityErrors(created, passwordField: nameof(EmployerRegistration.Password));
                var role = await users.AddToRoleAsync(user, Roles.Employer);
                if (!role.Succeeded) throw new InvalidOperationException(string.Join(" ", role.Errors.Select(e => e.Description)));

                await QueueConfirmationAsync(user, input.ContactName.Trim(), ct);
                await db.Database.CurrentTransaction!.CommitAsync(ct);
                return errors;
            }, cancellationToken);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    public async Task<bool> ConfirmEmailAsync(string? userId, string? code)
    {
        // Identity parses the id itself and throws on anything that is not a GUID.
        if (!Guid.TryParse(userId, out _) || await users.FindByIdAsync(userId!) is not { } user || EmailLinks.Decode(code) is not { } token) return false;
        audit.Action = "ConfirmEmail";
        return (await users.ConfirmEmailAsync(user, token)).Succeeded;
    }

    /// <summary>Sends a new confirmation link to an unconfirmed account; says nothing about whether one exists.</summary>
    public async Task ResendConfirmationAsync(string email, CancellationToken cancellationToken)
    {
        if (await users.FindByEmailAsync(email.Trim()) is not { EmailConfirmed: false } user) return;
        audit.Action = "ResendConfirmation";
        var firstName = await db.People.Where(p => p.Id == user.PersonId).Select(p => p.LegalFirstName).SingleOrDefaultAsync(cancellationToken);
        await QueueConfirmationAsync(user, firstName, cancellationToken);
    }

    /// <summary>Sends a reset link if the account exists; answers the same either way, so no one learns who has an account.</summary>
    public async Task RequestPasswordResetAsync(string email, CancellationToken cancellationToken)
    {
        if (await users.FindByEmailAsync(email.Trim()) is not { } user) return;
        audit.Action = "RequestPasswordReset";
        var code = EmailLinks.Encode(await users.GeneratePasswordResetTokenAsync(user));
        var link = links.To("/Account/ResetPassword", new { email = user.Email, code });
        db.Notifications.Add(Outbox.Message(user.Email!, new ResetPasswordMessage(link), clock.GetUtcNow(), user.PersonId));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<Errors> ResetPasswordAsync(PasswordReset input)
    {
        var errors = Validate(input);
        if (errors.Count > 0) return errors;
        const string InvalidLink = "This reset link is not valid or has expired. Ask for a new one.";
        if (await users.FindByEmailAsync(input.Email.Trim()) is not { } user || EmailLinks.Decode(input.Code) is not { } token)
        {
            errors.Add("", InvalidLink);
            return errors;
        }
        audit.Action = "ResetPassword";
        var reset = await users.ResetPasswordAsync(user, token, input.Password);
        return reset.Succeeded ? errors : IdentityErrors(reset, nameof(PasswordReset.Password), InvalidLink);
    }

    /// <summary>
    /// True when sign-in was refused only because the e-mail is unconfirmed. Identity refuses an unconfirmed
    /// account before it checks the password, so the password is checked here: only its owner learns why.
    /// </summary>
    public static async Task<bool> NeedsConfirmationAsync(UserManager<RegistryUser> users, string email, string password) =>
        await users.FindByEmailAsync(email.Trim()) is { EmailConfirmed: false } user && await users.CheckPasswordAsync(user, password);

    private async Task QueueConfirmationAsync(RegistryUser user, string? firstName, CancellationToken cancellationToken)
    {
        var code = EmailLinks.Encode(await users.GenerateEmailConfirmationTokenAsync(user));
        var link = links.To("/Account/ConfirmEmail", new { userId = user.Id, code });
        db.Notifications.Add(Outbox.Message(user.Email!, new ConfirmEmailMessage(firstName, link), clock.GetUtcNow(), user.PersonId));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static Errors Validate(object input)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(input, new ValidationContext(input), results, validateAllProperties: true);
        var errors = new Errors();
        foreach (var result in results)
            foreach (var member in result.MemberNames.DefaultIfEmpty(""))
                errors.Add(member, result.ErrorMessage ?? "Check this field.");
        return errors;
    }

    private static Errors IdentityErrors(IdentityResult result, string passwordField, string? invalidToken = null)
    {
        var errors = new Errors();
        foreach (var error in result.Errors)
        {
            if (error.Code is "DuplicateEmail" or "DuplicateUserName")
                errors["Email"] = ["An account with this e-mail address already exists. Sign in, or reset your password if you have forgotten it."];
            else if (error.Code.Contains("Email") || error.Code.Contains("UserName"))
                errors.Add("Email", error.Description);
            else if (error.Code.StartsWith("Password", StringComparison.Ordinal))
                errors.Add(passwordField, error.Description);
            else
                errors.Add("", error.Code == "InvalidToken" && invalidToken is not null ? invalidToken : error.Description);
        }
        return errors;
    }
}

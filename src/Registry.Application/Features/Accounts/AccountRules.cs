using FluentValidation;
using FluentValidation.Results;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Validation;

namespace Registry.Application.Features.Accounts;

/// <summary>The field rules the account forms share, with the words the forms have always used.</summary>
public static class AccountRules
{
    public static IRuleBuilderOptions<T, string> AccountEmail<T>(this IRuleBuilderInitial<T, string> rule, string whenEmpty = "Enter your e-mail address.") =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(whenEmpty)
            .EmailAddress().WithMessage("Enter an e-mail address like name@example.org.")
            .MaximumLength(256);

    /// <summary>Presence only: Identity's password rules are checked when the password is set.</summary>
    public static IRuleBuilderOptions<T, string> ChosenPassword<T>(this IRuleBuilder<T, string> rule, string whenEmpty = "Choose a password.") =>
        rule.NotEmpty().WithMessage(whenEmpty).MaximumLength(256);

    /// <summary>The forms ask for the password twice; the API sends it once and leaves this out.</summary>
    public static IRuleBuilderOptions<T, string?> RepeatsPassword<T>(this IRuleBuilderInitial<T, string?> rule, Func<T, string> password, string whenEmpty) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(whenEmpty)
            .Must((command, repeated) => repeated == password(command)).WithMessage("The two passwords are not the same.");

    /// <summary>A refusal that only Identity could make (a spent link), reported like any field error.</summary>
    public static ValidationException Refusal(string field, string message) => new([new ValidationFailure(field, message)]);

    /// <summary>An invited staff member's name (reviewer, state administrator).</summary>
    public static IRuleBuilderOptions<T, string> StaffName<T>(this IRuleBuilderInitial<T, string> rule, string whenEmpty) =>
        rule.NotEmpty().WithMessage(whenEmpty).MaximumLength(200).ReadableText();

    /// <summary>An invited staff member's address, which must not have an account yet.</summary>
    public static IRuleBuilderOptions<T, string> NewStaffEmail<T>(this IRuleBuilderInitial<T, string> rule, IIdentityService identity, string whenEmpty) =>
        rule.AccountEmail(whenEmpty)
            .MustAsync(async (email, _) => await identity.FindByEmailAsync(email.Trim()) is null)
            .WithMessage("An account with this e-mail address already exists.");
}

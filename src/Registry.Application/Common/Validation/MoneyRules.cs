using FluentValidation;
using Registry.Domain.Fees;

namespace Registry.Application.Common.Validation;

/// <summary>Amounts of money as the domain's <see cref="Money"/> takes them, refused field by field before they reach it.</summary>
public static class MoneyRules
{
    /// <summary>Dollars and cents: not negative, at most two decimal places, at most <see cref="Money.Largest"/>.</summary>
    public static IRuleBuilderOptions<T, decimal> DollarsAndCents<T>(this IRuleBuilder<T, decimal> rule) =>
        rule.GreaterThanOrEqualTo(0).WithMessage("{PropertyName} cannot be negative.")
            .Must(amount => decimal.Round(amount, 2) == amount).WithMessage("{PropertyName} is in dollars and cents: at most two decimal places.")
            .LessThanOrEqualTo(Money.Largest).WithMessage($"{{PropertyName}} is at most {Money.Format(Money.Largest)}.");
}

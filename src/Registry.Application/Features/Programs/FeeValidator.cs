using FluentValidation;
using Registry.Application.Common.Validation;

namespace Registry.Application.Features.Programs;

/// <summary>One line of a fee schedule: amounts in dollars and cents, reduced amounts no more than the standard one.</summary>
public sealed class FeeValidator : AbstractValidator<RequirementsModel.FeeModel>
{
    public FeeValidator()
    {
        RuleFor(f => f.Kind).IsInEnum().WithMessage("Choose a kind of fee.");
        RuleFor(f => f.Amount).DollarsAndCents().WithName("The fee");
        RuleFor(f => f.HoldsPeerCredentialAmount!.Value).DollarsAndCents().LessThanOrEqualTo(f => f.Amount)
            .When(f => f.HoldsPeerCredentialAmount is not null).OverridePropertyName(nameof(RequirementsModel.FeeModel.HoldsPeerCredentialAmount))
            .WithName("The reduced fee").WithMessage("{PropertyName} cannot be more than the standard fee.");
        RuleFor(f => f.MilitaryOrVeteranAmount!.Value).DollarsAndCents().LessThanOrEqualTo(f => f.Amount)
            .When(f => f.MilitaryOrVeteranAmount is not null).OverridePropertyName(nameof(RequirementsModel.FeeModel.MilitaryOrVeteranAmount))
            .WithName("The military or veteran fee").WithMessage("{PropertyName} cannot be more than the standard fee.");
    }
}

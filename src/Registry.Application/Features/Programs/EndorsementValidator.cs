using FluentValidation;
using Registry.Application.Common.Validation;
using Registry.Domain.Jurisdictions;

namespace Registry.Application.Features.Programs;

/// <summary>The limits of one endorsement definition, as the form and the API give it; the same rules the domain keeps, as field errors.</summary>
public sealed class EndorsementValidator : AbstractValidator<RequirementsModel.EndorsementModel>
{
    public EndorsementValidator()
    {
        RuleFor(e => e.Code).NotEmpty().WithMessage("Give the endorsement a short code, for example Y.")
            .MaximumLength(EndorsementDefinition.CodeMaxLength).Matches("^[A-Za-z0-9]*$").WithMessage($"An endorsement code is 1 to {EndorsementDefinition.CodeMaxLength} letters or digits.")
            .WithName("Code");
        RuleFor(e => e.Name).NotEmpty().WithMessage("Give the endorsement a name, for example Youth.")
            .MaximumLength(EndorsementDefinition.NameMaxLength).ReadableText().WithName("Name");
        RuleFor(e => e.Description).MaximumLength(EndorsementDefinition.DescriptionMaxLength).ReadableText().WithName("Description");
        RuleFor(e => e.ExtraTrainingHours).NotNull().When(e => !string.IsNullOrWhiteSpace(e.TrainingDomainCode))
            .WithMessage("Give the extra training hours asked in this domain.");
        RuleFor(e => e.TrainingDomainCode).NotEmpty().When(e => e.ExtraTrainingHours is not null)
            .WithMessage("Give the code of the training domain the extra hours are in.");
        RuleFor(e => e.ExtraTrainingHours).GreaterThan(0).LessThanOrEqualTo(1000).WithName("Extra training hours");
        RuleFor(e => e.MinimumAge).InclusiveBetween(14, 120).WithName("Youngest age");
        RuleFor(e => e.MaximumAge).InclusiveBetween(14, 120).WithName("Oldest age");
        RuleFor(e => e.MaximumAge).GreaterThanOrEqualTo(e => e.MinimumAge!.Value).When(e => e.MinimumAge is not null && e.MaximumAge is not null)
            .WithMessage("The oldest age cannot be below the youngest age.");
        RuleFor(e => e.MinimumPopulationSharePercent).InclusiveBetween(1, 100).WithName("Share of work hours with the population");
    }
}

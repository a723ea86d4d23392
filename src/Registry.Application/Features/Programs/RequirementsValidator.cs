using FluentValidation;
using Registry.Application.Common.Validation;

namespace Registry.Application.Features.Programs;

/// <summary>The limits of a program's requirements as a form or the API gives them, for every use case that takes them.</summary>
public sealed class RequirementsValidator : AbstractValidator<RequirementsModel>
{
    public RequirementsValidator()
    {
        RuleFor(r => r.TrainingHoursTotal).InclusiveBetween(0, 5000).WithName("Training hours");
        RuleFor(r => r.SupervisedWorkHours).InclusiveBetween(0, 10000).WithName("Supervised work hours");
        RuleFor(r => r.SupervisionHours).InclusiveBetween(0, 1000).WithName("Supervision hours");
        RuleFor(r => r.RenewalCycleMonths).InclusiveBetween(1, 60).WithName("Renewal cycle");
        RuleFor(r => r.ContinuingEducationHours).InclusiveBetween(0, 1000).WithName("Continuing education hours");
        RuleFor(r => r.EthicsContinuingEducationHours).InclusiveBetween(0, 1000).WithName("Ethics CE hours");
        RuleFor(r => r.ReinstatementContinuingEducationHours).InclusiveBetween(0, 1000).WithName("Reinstatement CE hours");
        RuleFor(r => r.AppealWindowDays).InclusiveBetween(1, 365).WithName("Days to appeal a denial");
        RuleFor(r => r.ExamRegistration).MaximumLength(1000).WithName("How to register for the exam");
        RuleFor(r => r.ReinstatementRequiresExam).Equal(false).When(r => !r.HasExam)
            .WithMessage("Reinstatement can require the exam only when the program has one.");
        RuleFor(r => r.RenewsOnDay).NotNull().When(r => r.RenewsOnMonth is not null).WithMessage("Give the day of the renewal date.");
        RuleFor(r => r.RenewsOnMonth).NotNull().When(r => r.RenewsOnDay is not null).WithMessage("Give the month of the renewal date.");
        RuleForEach(r => r.TrainingDomains).ChildRules(d =>
        {
            d.RuleFor(x => x.Code).NotEmpty().MaximumLength(32).Matches("^[A-Za-z0-9_-]+$").WithMessage("A domain code is letters, digits, - or _.");
            d.RuleFor(x => x.Name).NotEmpty().MaximumLength(100).ReadableText();
            d.RuleFor(x => x.MinimumHours).InclusiveBetween(0, 1000);
        });
        RuleForEach(r => r.Fees).SetValidator(new FeeValidator());
        RuleForEach(r => r.Endorsements).SetValidator(new EndorsementValidator());
        RuleFor(r => r.Endorsements).Must(e => e.Select(x => (x.Code ?? "").Trim().ToUpperInvariant()).Distinct().Count() == e.Count)
            .WithMessage("Each endorsement needs its own code.");
        RuleForEach(r => r.Endorsements)
            .Must((r, e) => string.IsNullOrWhiteSpace(e.TrainingDomainCode)
                || r.TrainingDomains.Any(d => d.Code.Trim().Equals(e.TrainingDomainCode.Trim(), StringComparison.OrdinalIgnoreCase)))
            .WithMessage((r, e) => $"Endorsement {e.Code}: the domain {e.TrainingDomainCode} is not one of the program's training domains.");
        RuleFor(r => r.Fees).Must(f => f.Select(x => x.Kind).Distinct().Count() == f.Count)
            .WithMessage("The fee schedule has one amount per kind of fee.");
        RuleFor(r => r.TrainingDomains).Must(d => d.Select(x => x.Code.Trim().ToUpperInvariant()).Distinct().Count() == d.Count)
            .WithMessage("Each training domain needs its own code.");
    }
}

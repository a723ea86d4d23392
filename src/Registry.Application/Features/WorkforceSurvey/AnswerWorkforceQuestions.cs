using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Domain.Applications;
using Registry.Domain.Jurisdictions;
using Registry.Domain.Workforce;

namespace Registry.Application.Features.WorkforceSurvey;

/// <summary>
/// The applicant answers the voluntary workforce questions for their application or renewal; answering again
/// replaces the answers given for it. Every answer may be left out. The audit log records that they answered,
/// never what (the answers are redacted from it).
/// </summary>
public static class AnswerWorkforceQuestions
{
    [AllowedRoles(Roles.Applicant)]
    public sealed record Command(Guid ApplicationId, WorkforceAnswers Answers) : ICommand<Unit>, IApplicationScoped;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Answers).NotNull();
            RuleFor(c => c.Answers.HoursPerWeek).InclusiveBetween(0, WorkforceSurveyResponse.MaxHoursPerWeek).When(c => c.Answers is not null)
                .WithMessage($"Enter the hours as a number from 0 to {WorkforceSurveyResponse.MaxHoursPerWeek}, or leave it empty.");
            RuleFor(c => c.Answers.HoursDeclined).Must((c, declined) => !declined || c.Answers.HoursPerWeek is null).When(c => c.Answers is not null)
                .WithMessage("Enter the hours or choose prefer not to say, not both.");
            RuleFor(c => c.Answers.CountyDeclined).Must((c, declined) => !declined || c.Answers.CountyOfPractice is null).When(c => c.Answers is not null)
                .WithMessage("Choose a county or prefer not to say, not both.");
            RuleFor(c => c.Answers.RaceEthnicity)
                .Must(r => r is null || r != RaceEthnicity.None && (!r.Value.HasFlag(RaceEthnicity.PreferNotToSay) || r == RaceEthnicity.PreferNotToSay))
                .When(c => c.Answers is not null)
                .WithMessage("Choose one or more, or prefer not to say on its own.");
            RuleFor(c => c.Answers.Languages)
                .Must(l => l is null || l != ServiceLanguages.None && (!l.Value.HasFlag(ServiceLanguages.PreferNotToSay) || l == ServiceLanguages.PreferNotToSay))
                .When(c => c.Answers is not null)
                .WithMessage("Choose one or more, or prefer not to say on its own.");
        }
    }

    public sealed class Handler(IRegistryDbContext db, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var application = await db.Applications.AsNoTracking()
                .Where(a => a.Id == command.ApplicationId)
                .Select(a => new { a.Id, a.PersonId, a.ProgramId, a.Type, a.CredentialId })
                .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("Application", command.ApplicationId);
            var state = await db.Programs.AsNoTracking().Where(p => p.Id == application.ProgramId)
                .Join(db.Jurisdictions, p => p.StateCode, j => j.Code, (p, j) => new { j.Code, j.TimeZone })
                .SingleAsync(cancellationToken);
            var now = clock.GetUtcNow();
            var today = RegistryDay.DayOf(now, state.TimeZone);
            var existing = await db.WorkforceSurveyResponses.SingleOrDefaultAsync(r => r.ApplicationId == application.Id, cancellationToken);
            if (existing is not null)
            {
                existing.Replace(command.Answers, today, now);
                return Unit.Value;
            }
            var occasion = OccasionOf(application.Type);
            db.WorkforceSurveyResponses.Add(new WorkforceSurveyResponse(application.PersonId, state.Code, application.ProgramId, occasion,
                application.Id, application.CredentialId, command.Answers, today, now));
            return Unit.Value;
        }
    }

    /// <summary>A renewal or reinstatement is asked as a renewal; a first application or one by reciprocity as an application.</summary>
    public static SurveyOccasion OccasionOf(ApplicationType type) =>
        type is ApplicationType.Renewal or ApplicationType.Reinstatement ? SurveyOccasion.Renewal : SurveyOccasion.Application;
}

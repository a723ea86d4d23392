using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Domain.Credentials;
using Registry.Domain.Jurisdictions;
using Registry.Domain.Workforce;

namespace Registry.Application.Features.WorkforceSurvey;

/// <summary>
/// The holder of an active credential answers the yearly retention questions (peer role, setting, hours) for it.
/// Answering again within a year replaces that year's answers. A person answers only for their own credential; the
/// audit log records that they answered, never what (the answers are private data, redacted from it).
/// </summary>
public static class AnswerRetentionQuestions
{
    [AllowedRoles(Roles.Applicant)]
    public sealed record Command(Guid CredentialId, WorkforceAnswers Answers) : ICommand<Unit>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Answers).NotNull();
            RuleFor(c => c.Answers.OnlyEmploymentQuestions).Equal(true).When(c => c.Answers is not null)
                .WithMessage("The yearly questions ask only about peer work, its setting and its hours.");
            RuleFor(c => c.Answers.HoursPerWeek).InclusiveBetween(0, WorkforceSurveyResponse.MaxHoursPerWeek).When(c => c.Answers is not null)
                .WithMessage($"Enter the hours as a number from 0 to {WorkforceSurveyResponse.MaxHoursPerWeek}, or leave it empty.");
            RuleFor(c => c.Answers.HoursDeclined).Must((c, declined) => !declined || c.Answers.HoursPerWeek is null).When(c => c.Answers is not null)
                .WithMessage("Enter the hours or choose prefer not to say, not both.");
        }
    }

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var personId = user.PersonId ?? throw new ForbiddenException();
            var credential = await db.Credentials.AsNoTracking()
                .Where(c => c.Id == command.CredentialId)
                .Join(db.Jurisdictions, c => c.StateCode, j => j.Code, (c, j) => new { c.Id, c.HolderPersonId, c.ProgramId, c.StateCode, c.Status, j.TimeZone })
                .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("Credential", command.CredentialId);
            if (credential.HolderPersonId != personId) throw new NotFoundException("Credential", command.CredentialId);
            if (credential.Status is not (CredentialStatus.Active or CredentialStatus.Probation))
                throw new ConflictException("The yearly questions are for holders of an active credential.");
            var now = clock.GetUtcNow();
            var today = RegistryDay.DayOf(now, credential.TimeZone);
            var yearAgo = today.AddYears(-1);
            var existing = await db.WorkforceSurveyResponses
                .Where(r => r.CredentialId == credential.Id && r.Occasion == SurveyOccasion.AnnualPulse && r.AnsweredOn > yearAgo)
                .OrderByDescending(r => r.AnsweredOn)
                .FirstOrDefaultAsync(cancellationToken);
            if (existing is not null)
            {
                existing.Replace(command.Answers, today, now);
                return Unit.Value;
            }
            db.WorkforceSurveyResponses.Add(new WorkforceSurveyResponse(personId, credential.StateCode, credential.ProgramId,
                SurveyOccasion.AnnualPulse, null, credential.Id, command.Answers, today, now));
            return Unit.Value;
        }
    }
}

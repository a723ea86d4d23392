using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Time;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Domain.Credentials;

namespace Registry.Application.Features.Discipline;

/// <summary>Staff decide a case; the outcome is applied to the credential and the holder is told, with the appeal window.</summary>
public static class DecideDisciplineCase
{
    [AllowedRoles(Roles.Reviewer, Roles.StateAdmin)]
    public sealed record Command : ICommand<Unit>, ICredentialScoped
    {
        public Guid CredentialId { get; init; }
        public Guid CaseId { get; init; }
        [JsonRequired] public DisciplineOutcome Outcome { get; init; }
        public string Notes { get; init; } = "";
        public string? Conditions { get; init; }
        public DateOnly? EndsOn { get; init; }
        public int AppealDays { get; init; } = 30;
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Outcome).IsInEnum();
            RuleFor(c => c.Notes).NotEmpty().WithMessage("Record the reasons for the decision.").MaximumLength(4000);
            RuleFor(c => c.Conditions).NotEmpty().When(c => c.Outcome == DisciplineOutcome.Probation).WithMessage("Probation needs its conditions.").MaximumLength(4000);
            RuleFor(c => c.EndsOn).NotNull().When(c => c.Outcome == DisciplineOutcome.Probation).WithMessage("Probation needs an end date.");
            RuleFor(c => c.AppealDays).InclusiveBetween(0, 365);
        }
    }

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user, TimeProvider clock, IRegistryCalendar calendar) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var credential = await db.LoadCredentialAsync(command.CredentialId, cancellationToken);
            var disciplineCase = await db.LoadCaseAsync(command.CredentialId, command.CaseId, cancellationToken);
            var at = clock.GetUtcNow();
            disciplineCase.Decide(credential, command.Outcome, command.Notes, command.Conditions, command.EndsOn, command.AppealDays, await calendar.TodayAsync(credential.StateCode, cancellationToken), user.UserId!.Value, at);
            return Unit.Value;
        }
    }
}

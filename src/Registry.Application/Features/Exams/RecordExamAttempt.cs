using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Time;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Domain.Common;
using Registry.Domain.Exams;

namespace Registry.Application.Features.Exams;

/// <summary>State staff record one sitting of their program's exam; pass or fail follows from the program's passing score.</summary>
public static class RecordExamAttempt
{
    public const int MaximumScore = 1000;

    [AllowedRoles(Roles.Reviewer, Roles.StateAdmin)]
    public sealed record Command : ICommand<Attempt>, IProgramScoped
    {
        public Guid ProgramId { get; init; }
        public Guid? PersonId { get; init; }
        public string? Email { get; init; }
        public DateOnly TakenOn { get; init; }
        public int? Score { get; init; }
    }

    public sealed record Attempt(Guid Id, Guid PersonId, DateOnly TakenOn, int Score, bool Passed, int AttemptNumber);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IRegistryCalendar calendar)
        {
            RuleFor(c => c.Email).NotEmpty().When(c => c.PersonId is null).WithMessage("Enter the person's e-mail address.");
            RuleFor(c => c.Email).MaximumLength(256);
            RuleFor(c => c.TakenOn).NotEmpty().WithMessage("Enter the date the exam was taken.")
                .MustAsync(async (command, takenOn, ct) => takenOn <= await calendar.TodayForProgramAsync(command.ProgramId, ct))
                .WithMessage("The exam date cannot be in the future.");
            RuleFor(c => c.Score).NotNull().WithMessage("Enter the score.")
                .InclusiveBetween(0, MaximumScore).WithMessage($"The score is a whole number from 0 to {MaximumScore}.");
        }
    }

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<Command, Attempt>
    {
        public async Task<Attempt> Handle(Command command, CancellationToken cancellationToken)
        {
            var program = await db.Programs.SingleAsync(p => p.Id == command.ProgramId, cancellationToken);
            var exam = program.Requirements.Exam ?? throw new DomainRuleException("This program has no exam.");
            var email = command.Email?.Trim().ToLowerInvariant();
            var personId = await db.People
                .Where(p => command.PersonId != null ? p.Id == command.PersonId : p.Email!.ToLower() == email)
                .Where(p => db.Applications.Any(a => a.PersonId == p.Id && a.ProgramId == command.ProgramId))
                .Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Applicant for this program", command.PersonId?.ToString() ?? command.Email ?? "");

            var history = await db.ExamAttempts.Where(a => a.PersonId == personId && a.ProgramId == command.ProgramId)
                .Select(a => new { a.TakenOn, a.Passed }).ToListAsync(cancellationToken);
            if (history.Any(a => a.TakenOn == command.TakenOn))
                throw new ConflictException($"A result is already recorded for this person on {command.TakenOn:yyyy-MM-dd}.");
            if (new ExamRetakeRules(exam, history.Select(a => (a.TakenOn, a.Passed))).RefusalToRecord(command.TakenOn) is { } refusal)
                throw new DomainRuleException(refusal);

            var attempt = new ExamAttempt(personId, command.ProgramId, exam, command.TakenOn, command.Score!.Value, history.Count + 1, user.UserId!.Value, clock.GetUtcNow());
            db.ExamAttempts.Add(attempt);
            return new Attempt(attempt.Id, personId, attempt.TakenOn, attempt.Score, attempt.Passed, attempt.AttemptNumber);
        }
    }
}

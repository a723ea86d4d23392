using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Application.Common.Time;
using Registry.Application.Common.Validation;
using Registry.Domain.Jurisdictions;

namespace Registry.Application.Features.Programs;

/// <summary>
/// A StateAdmin retires a program from a day on: from then it takes no new applications, while its credentials stay
/// valid, verify, renew and count, and applications already started go on.
/// </summary>
public static class RetireProgram
{
    [AllowedRoles(Roles.StateAdmin)]
    public sealed record Command : ICommand<Unit>, IProgramScoped
    {
        public Guid ProgramId { get; init; }
        public DateOnly EffectiveOn { get; init; }
        public string Reason { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IRegistryCalendar calendar)
        {
            RuleFor(c => c.Reason).NotEmpty().WithMessage("Give the reason for retiring the program.")
                .MaximumLength(CredentialProgram.RetirementReasonMaxLength).ReadableText();
            RuleFor(c => c.EffectiveOn)
                .MustAsync(async (command, effectiveOn, ct) => effectiveOn >= await calendar.TodayForProgramAsync(command.ProgramId, ct))
                .WithMessage("Choose today or a later day: a program cannot be retired from a past day.");
        }
    }

    public sealed class Handler(IRegistryDbContext db, IRegistryCalendar calendar) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var program = await db.Programs.SingleAsync(p => p.Id == command.ProgramId, cancellationToken);
            program.Retire(command.EffectiveOn, command.Reason, await calendar.TodayForProgramAsync(program.Id, cancellationToken));
            return Unit.Value;
        }
    }
}

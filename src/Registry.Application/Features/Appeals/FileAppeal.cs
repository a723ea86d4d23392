using FluentValidation;
using MediatR;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Application.Common.Time;
using Registry.Application.Features.Applications;
using Registry.Domain.Applications;

namespace Registry.Application.Features.Appeals;

/// <summary>The applicant appeals a denial with a statement, within the program's appeal window (counted in the state's calendar).</summary>
public static class FileAppeal
{
    [AllowedRoles(Roles.Applicant)]
    public sealed record Command(Guid ApplicationId, string? Statement) : ICommand<Guid>, IApplicationScoped;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Statement).NotEmpty().WithMessage("Write your statement: why the decision should change.")
            .MaximumLength(ApplicationAppeal.StatementMaxLength).WithMessage($"Your statement can be at most {ApplicationAppeal.StatementMaxLength} characters.");
    }

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user, TimeProvider clock, IRegistryCalendar calendar) : IRequestHandler<Command, Guid>
    {
        public async Task<Guid> Handle(Command command, CancellationToken cancellationToken)
        {
            var application = await db.Applications.LoadWithAppealsAsync(command.ApplicationId, cancellationToken);
            var today = await calendar.TodayForProgramAsync(application.ProgramId, cancellationToken);
            return application.FileAppeal(command.Statement!, today, user.UserId!.Value, clock.GetUtcNow()).Id;
        }
    }
}

using FluentValidation;
using MediatR;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Time;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Domain.Credentials;

namespace Registry.Application.Features.Discipline;

/// <summary>Staff open a discipline case: the holder receives the notice and a date to respond by.</summary>
public static class OpenDisciplineCase
{
    [AllowedRoles(Roles.Reviewer, Roles.StateAdmin)]
    public sealed record Command : ICommand<Guid>, ICredentialScoped
    {
        public Guid CredentialId { get; init; }
        public string Notice { get; init; } = "";
        public DateOnly ResponseDueOn { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Notice).NotEmpty().WithMessage("Write the notice the holder will receive.").MaximumLength(4000);
            RuleFor(c => c.ResponseDueOn).NotEmpty().WithMessage("Give the date the holder should respond by.");
        }
    }

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user, TimeProvider clock, IRegistryCalendar calendar) : IRequestHandler<Command, Guid>
    {
        public async Task<Guid> Handle(Command command, CancellationToken cancellationToken)
        {
            var credential = await db.LoadCredentialAsync(command.CredentialId, cancellationToken);
            var at = clock.GetUtcNow();
            var opened = DisciplineCase.Open(credential, command.Notice, command.ResponseDueOn, await calendar.TodayAsync(credential.StateCode, cancellationToken), user.UserId!.Value, at);
            db.DisciplineCases.Add(opened);
            return opened.Id;
        }
    }
}

using FluentValidation;
using MediatR;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Time;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;

namespace Registry.Application.Features.Discipline;

/// <summary>The holder answers the notice (staff may record an answer received on paper). The response stays private.</summary>
public static class RespondToDisciplineCase
{
    [AllowedRoles(Roles.Applicant, Roles.Reviewer, Roles.StateAdmin)]
    public sealed record Command(Guid CredentialId, Guid CaseId, string Response) : ICommand<Unit>, ICredentialScoped;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Response).NotEmpty().WithMessage("Write the response.").MaximumLength(4000);
    }

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user, TimeProvider clock, IRegistryCalendar calendar) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var credential = await db.LoadCredentialAsync(command.CredentialId, cancellationToken);
            var disciplineCase = await db.LoadCaseAsync(command.CredentialId, command.CaseId, cancellationToken);
            var at = clock.GetUtcNow();
            disciplineCase.RecordResponse(credential, command.Response, await calendar.TodayAsync(credential.StateCode, cancellationToken), user.UserId!.Value, at);
            return Unit.Value;
        }
    }
}

using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Application.Common.Time;
using Registry.Application.Features.Discipline;
using Registry.Domain.Common;

namespace Registry.Application.Features.Endorsements;

/// <summary>
/// Staff record a specialty endorsement the board granted on a credential in force (e.g. one decided on paper), from today
/// in the state's calendar; the holder and watching employers are told through the credential's history entry.
/// </summary>
public static class GrantEndorsement
{
    [AllowedRoles(Roles.Reviewer, Roles.StateAdmin)]
    public sealed record Command(Guid CredentialId, string Code, string? Note) : ICommand<Guid>, ICredentialScoped;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Code).NotEmpty().MaximumLength(8).WithName("Endorsement");
            RuleFor(c => c.Note).MaximumLength(500).WithName("Note");
        }
    }

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user, TimeProvider clock, IRegistryCalendar calendar) : IRequestHandler<Command, Guid>
    {
        public async Task<Guid> Handle(Command command, CancellationToken cancellationToken)
        {
            var credential = await db.LoadCredentialAsync(command.CredentialId, cancellationToken);
            var program = await db.Programs.SingleAsync(p => p.Id == credential.ProgramId, cancellationToken);
            var definition = program.Requirements.Endorsement(command.Code)
                ?? throw new DomainRuleException($"{program.Name} has no endorsement {command.Code.Trim().ToUpperInvariant()}.");
            var today = await calendar.TodayAsync(credential.StateCode, cancellationToken);
            var note = string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim();
            return credential.GrantEndorsement(definition, today, user.UserId!.Value, clock.GetUtcNow(), reason: note).Id;
        }
    }
}

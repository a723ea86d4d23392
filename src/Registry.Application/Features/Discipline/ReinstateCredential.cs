using FluentValidation;
using MediatR;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Time;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Domain.Credentials;

namespace Registry.Application.Features.Discipline;

/// <summary>Staff reinstate a suspended credential; the holder is told.</summary>
public static class ReinstateCredential
{
    [AllowedRoles(Roles.Reviewer, Roles.StateAdmin)]
    public sealed record Command(Guid CredentialId, string? Reason) : ICommand<CredentialStatus>, ICredentialScoped;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Reason).MaximumLength(4000);
    }

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user, TimeProvider clock, IRegistryCalendar calendar) : IRequestHandler<Command, CredentialStatus>
    {
        public async Task<CredentialStatus> Handle(Command command, CancellationToken cancellationToken)
        {
            var credential = await db.LoadCredentialAsync(command.CredentialId, cancellationToken);
            var at = clock.GetUtcNow();
            credential.Reinstate(await calendar.TodayAsync(credential.StateCode, cancellationToken), user.UserId!.Value, at, command.Reason);
            return credential.Status;
        }
    }
}

using FluentValidation;
using MediatR;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Time;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Domain.Credentials;

namespace Registry.Application.Features.Discipline;

/// <summary>The holder gives up their credential; it cannot be used again.</summary>
public static class RelinquishCredential
{
    [AllowedRoles(Roles.Applicant)]
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
            credential.Relinquish(await calendar.TodayAsync(credential.StateCode, cancellationToken), user.UserId!.Value, at, command.Reason);
            return credential.Status;
        }
    }
}

using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;

namespace Registry.Application.Features.Employers;

/// <summary>An employer stops watching one of its watched credentials, named by its number; one it does not watch is not found.</summary>
public static class StopWatching
{
    [AllowedRoles(Roles.Employer)]
    public sealed record Command(string CredentialNumber) : ICommand<Unit>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.CredentialNumber).Must(n => Domain.Credentials.CredentialNumber.TryParse(n, out _))
            .WithMessage(c => $"'{c.CredentialNumber}' is not a credential number (e.g. TN-CPRS-000123).");
    }

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var employerId = EmployerAccess.EmployerIdOf(user);
            Domain.Credentials.CredentialNumber.TryParse(command.CredentialNumber, out var parsed);
            var number = parsed!;
            var watch = await db.WatchedCredentials
                    .Where(w => w.EmployerId == employerId)
                    .Join(db.Credentials.Where(c => c.Number == number), w => w.CredentialId, c => c.Id, (w, _) => w)
                    .SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Watched credential", number.Value);
            db.WatchedCredentials.Remove(watch);
            return Unit.Value;
        }
    }
}

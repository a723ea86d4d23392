using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Application.Features.Verification;
using Registry.Domain.Credentials;
using Registry.Domain.Employers;

namespace Registry.Application.Features.Employers;

/// <summary>
/// An approved employer adds credentials to its watch-list, one number or a whole roster's matches at once.
/// Numbers already watched are left as they are; numbers that do not exist are reported back.
/// </summary>
public static class WatchCredentials
{
    public const int MaximumNumbers = VerifyRoster.MaximumRows;

    [AllowedRoles(Roles.Employer)]
    public sealed record Command(IReadOnlyList<string> CredentialNumbers) : ICommand<Outcome>;

    public sealed record Outcome(int Added, int AlreadyWatched, IReadOnlyList<string> NotFound);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.CredentialNumbers).Must(n => n is { Count: > 0 and <= MaximumNumbers })
                .WithMessage($"Name from 1 to {MaximumNumbers:N0} credential numbers.");
            RuleForEach(c => c.CredentialNumbers).Must(n => CredentialNumber.TryParse(n, out _))
                .WithMessage((_, n) => $"'{n}' is not a credential number (e.g. TN-CPRS-000123).");
        }
    }

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<Command, Outcome>
    {
        public async Task<Outcome> Handle(Command command, CancellationToken cancellationToken)
        {
            var employer = await EmployerAccess.ApprovedEmployerAsync(db, user, cancellationToken);
            var numbers = command.CredentialNumbers.Select(n => { CredentialNumber.TryParse(n, out var number); return number!; }).Distinct().ToList();
            var credentials = new Dictionary<CredentialNumber, Guid>();
            var watched = new HashSet<Guid>();
            foreach (var chunk in numbers.Chunk(PublicCredentials.QueryChunk))
            {
                foreach (var c in await db.Credentials.Where(c => chunk.Contains(c.Number)).Select(c => new { c.Number, c.Id }).ToListAsync(cancellationToken))
                    credentials[c.Number] = c.Id;
                var ids = credentials.Values.ToList();
                watched.UnionWith(await db.WatchedCredentials.Where(w => w.EmployerId == employer.Id && ids.Contains(w.CredentialId)).Select(w => w.CredentialId).ToListAsync(cancellationToken));
            }

            var now = clock.GetUtcNow();
            var added = 0;
            foreach (var id in credentials.Values.Where(id => !watched.Contains(id)))
            {
                db.WatchedCredentials.Add(new WatchedCredential(employer.Id, id, user.UserId, now));
                added++;
            }
            return new Outcome(added, credentials.Count - added, numbers.Where(n => !credentials.ContainsKey(n)).Select(n => n.Value).ToList());
        }
    }
}

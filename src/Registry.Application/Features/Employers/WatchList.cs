using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
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

/// <summary>An employer stops watching one of its watched credentials.</summary>
public static class StopWatching
{
    [AllowedRoles(Roles.Employer)]
    public sealed record Command(Guid CredentialId) : ICommand<Unit>;

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var employerId = EmployerAccess.EmployerIdOf(user);
            var watch = await db.WatchedCredentials.SingleOrDefaultAsync(w => w.EmployerId == employerId && w.CredentialId == command.CredentialId, cancellationToken)
                ?? throw new NotFoundException("Watched credential", command.CredentialId);
            db.WatchedCredentials.Remove(watch);
            return Unit.Value;
        }
    }
}

/// <summary>The organisation's watch-list, a page at a time, with each credential's public status now.</summary>
public static class ListWatchedCredentials
{
    public const int PageSize = 50;

    [AllowedRoles(Roles.Employer)]
    public sealed record Query(int Page = 1) : IRequest<Results>;

    public sealed record Row(Guid CredentialId, string CredentialNumber, string HolderName, string State, CredentialStatus Status, DateOnly ExpiresOn, DateTimeOffset AddedAt);

    public sealed record Results(IReadOnlyList<Row> Items, int Page, int TotalCount)
    {
        public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
    }

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user) : IRequestHandler<Query, Results>
    {
        public async Task<Results> Handle(Query query, CancellationToken cancellationToken)
        {
            var employerId = EmployerAccess.EmployerIdOf(user);
            var page = Math.Max(1, query.Page);
            var watched = db.WatchedCredentials.AsNoTracking().Where(w => w.EmployerId == employerId)
                .Join(db.Credentials, w => w.CredentialId, c => c.Id, (w, c) => new { w, c })
                .Join(db.People, x => x.c.HolderPersonId, p => p.Id, (x, p) => new
                    { x.c.Id, x.c.Number, p.LegalFirstName, p.LegalLastName, x.c.StateCode, x.c.Status, x.c.ExpiresOn, x.w.AddedAt });
            var total = await watched.CountAsync(cancellationToken);
            var rows = await watched.OrderBy(x => x.LegalLastName).ThenBy(x => x.LegalFirstName).ThenBy(x => x.Number)
                .Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
            return new Results(rows.Select(r => new Row(r.Id, r.Number.Value, $"{r.LegalFirstName} {r.LegalLastName}", r.StateCode.Value, r.Status, r.ExpiresOn, r.AddedAt)).ToList(),
                page, total);
        }
    }
}

/// <summary>What changed on the organisation's watched credentials, newest first: the same changes its e-mails told of.</summary>
public static class ListRecentChanges
{
    public const int PageSize = 50;

    [AllowedRoles(Roles.Employer)]
    public sealed record Query(int Page = 1) : IRequest<Results>;

    public sealed record Row(string CredentialNumber, string HolderName, CredentialEventKind Change, CredentialStatus Status, DateOnly EffectiveOn, DateTimeOffset NotifiedAt);

    public sealed record Results(IReadOnlyList<Row> Items, int Page, int TotalCount)
    {
        public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
    }

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user) : IRequestHandler<Query, Results>
    {
        public async Task<Results> Handle(Query query, CancellationToken cancellationToken)
        {
            var employerId = EmployerAccess.EmployerIdOf(user);
            var page = Math.Max(1, query.Page);
            var alerts = db.WatchAlerts.AsNoTracking().Where(a => a.EmployerId == employerId);
            var total = await alerts.CountAsync(cancellationToken);
            var rows = await alerts.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.EffectiveOn)
                .Skip((page - 1) * PageSize).Take(PageSize)
                .Join(db.Credentials, a => a.CredentialId, c => c.Id, (a, c) => new { a, c.Number, c.HolderPersonId })
                .Join(db.People, x => x.HolderPersonId, p => p.Id, (x, p) => new { x.a.Kind, x.a.Status, x.a.EffectiveOn, x.a.CreatedAt, x.Number, p.LegalFirstName, p.LegalLastName })
                .ToListAsync(cancellationToken);
            return new Results(rows.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.EffectiveOn)
                    .Select(r => new Row(r.Number.Value, $"{r.LegalFirstName} {r.LegalLastName}", r.Kind, r.Status, r.EffectiveOn, r.CreatedAt)).ToList(),
                page, total);
        }
    }
}

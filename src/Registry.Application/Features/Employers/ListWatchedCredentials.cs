using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Paging;
using Registry.Application.Common.Security;
using Registry.Domain.Credentials;

namespace Registry.Application.Features.Employers;

/// <summary>
/// The organisation's watch-list, a page at a time, with each credential's public status now. Ordered by
/// when each credential was added, then by the watch's id: keys that never change, so a page never repeats
/// or skips an entry however many are added or removed between pages.
/// </summary>
public static class ListWatchedCredentials
{
    [AllowedRoles(Roles.Employer)]
    public sealed record Query(string? Cursor = null, int Limit = Common.Paging.Cursor.DefaultLimit) : IRequest<CursorPage<Row>>;

    public sealed record Row(Guid CredentialId, string CredentialNumber, string HolderName, string State, CredentialStatus Status, DateOnly ExpiresOn, DateTimeOffset AddedAt);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Limit).WithinPageLimit();
    }

    /// <summary>The last entry a page showed.</summary>
    private sealed record Position(DateTimeOffset AddedAt, Guid Id);

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user) : IRequestHandler<Query, CursorPage<Row>>
    {
        public async Task<CursorPage<Row>> Handle(Query query, CancellationToken cancellationToken)
        {
            var employerId = EmployerAccess.EmployerIdOf(user);
            var after = Cursor.Decode<Position>(query.Cursor);
            var watches = db.WatchedCredentials.AsNoTracking().Where(w => w.EmployerId == employerId);
            if (after is not null)
                watches = watches.Where(w => w.AddedAt > after.AddedAt || (w.AddedAt == after.AddedAt && w.Id.CompareTo(after.Id) > 0));
            var rows = await watches
                .Join(db.Credentials, w => w.CredentialId, c => c.Id, (w, c) => new { w, c })
                .Join(db.People, x => x.c.HolderPersonId, p => p.Id, (x, p) => new
                    { WatchId = x.w.Id, x.c.Id, x.c.Number, p.LegalFirstName, p.LegalLastName, x.c.StateCode, x.c.Status, x.c.ExpiresOn, x.w.AddedAt })
                .OrderBy(r => r.AddedAt).ThenBy(r => r.WatchId).Take(query.Limit + 1)
                .ToListAsync(cancellationToken);
            return Cursor.Page(rows, query.Limit, r => new Position(r.AddedAt, r.WatchId),
                r => new Row(r.Id, r.Number.Value, $"{r.LegalFirstName} {r.LegalLastName}", r.StateCode.Value, r.Status, r.ExpiresOn, r.AddedAt));
        }
    }
}

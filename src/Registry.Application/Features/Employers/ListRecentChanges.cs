using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Paging;
using Registry.Application.Common.Security;

namespace Registry.Application.Features.Employers;

/// <summary>
/// What changed on the organisation's watched credentials, newest first: the same changes its e-mails told of,
/// for people reading the page. (Systems that sync follow <see cref="FollowChanges"/>, oldest first.)
/// </summary>
public static class ListRecentChanges
{
    [AllowedRoles(Roles.Employer)]
    public sealed record Query(string? Cursor = null, int Limit = Common.Paging.Cursor.DefaultLimit) : IRequest<CursorPage<WatchedChange>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Limit).WithinPageLimit();
    }

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user) : IRequestHandler<Query, CursorPage<WatchedChange>>
    {
        public async Task<CursorPage<WatchedChange>> Handle(Query query, CancellationToken cancellationToken)
        {
            var employerId = EmployerAccess.EmployerIdOf(user);
            var before = Cursor.Decode<WatchedChange.Position>(query.Cursor);
            var alerts = db.WatchAlerts.AsNoTracking().Where(a => a.EmployerId == employerId);
            if (before is not null)
                alerts = alerts.Where(a => a.CreatedAt < before.At || (a.CreatedAt == before.At && a.Id.CompareTo(before.Id) < 0));
            var rows = await WatchedChange.Rows(db, alerts)
                .OrderByDescending(r => r.At).ThenByDescending(r => r.Id).Take(query.Limit + 1)
                .ToListAsync(cancellationToken);
            return Cursor.Page(rows, query.Limit, r => r.Position, r => r.Change);
        }
    }
}

using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Paging;
using Registry.Application.Common.Security;

namespace Registry.Application.Features.Employers;

/// <summary>
/// The changes on the organisation's watched credentials as a feed, oldest first, for a system that syncs
/// (a managed-care plan's nightly run): it keeps the <c>next</c> cursor of each answer and sends it the next
/// time, and so gets each change exactly once. An answer with no items means it has caught up; its
/// <c>next</c> is the cursor it sent, to send again later.
/// <para>
/// The feed is ordered by the time the registry told of each change (<c>WatchAlert.CreatedAt</c>), then by
/// the alert's id. That time is taken when the <c>watch-list-notify</c> run starts, and the run commits
/// later, so a cursor taken in the meantime could pass alerts not yet committed, which would then never be
/// served. So the feed serves only alerts told at least <see cref="SettlingTime"/> ago: by then the run that
/// wrote them has long committed or rolled back (a run writes at most
/// <see cref="NotifyWatchingEmployers.MaximumPerRun"/> alerts, holds its lock for at most two minutes, and
/// takes seconds). A change reaches the feed that much after its e-mail.
/// </para>
/// </summary>
public static class FollowChanges
{
    public static readonly TimeSpan SettlingTime = TimeSpan.FromMinutes(5);

    [AllowedRoles(Roles.Employer)]
    public sealed record Query(string? Cursor = null, int Limit = Common.Paging.Cursor.DefaultLimit) : IRequest<CursorPage<WatchedChange>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Limit).WithinPageLimit();
    }

    /// <summary>Before every change: where a feed without a cursor starts.</summary>
    private static readonly WatchedChange.Position Start = new(DateTimeOffset.UnixEpoch, Guid.Empty);

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<Query, CursorPage<WatchedChange>>
    {
        public async Task<CursorPage<WatchedChange>> Handle(Query query, CancellationToken cancellationToken)
        {
            var employerId = EmployerAccess.EmployerIdOf(user);
            var after = Cursor.Decode<WatchedChange.Position>(query.Cursor) ?? Start;
            var settled = clock.GetUtcNow() - SettlingTime;
            var alerts = db.WatchAlerts.AsNoTracking()
                .Where(a => a.EmployerId == employerId && a.CreatedAt <= settled)
                .Where(a => a.CreatedAt > after.At || (a.CreatedAt == after.At && a.Id.CompareTo(after.Id) > 0));
            var rows = await WatchedChange.Rows(db, alerts)
                .OrderBy(r => r.At).ThenBy(r => r.Id).Take(query.Limit)
                .ToListAsync(cancellationToken);
            var next = rows.Count > 0 ? Cursor.Encode(rows[^1].Position) : query.Cursor ?? Cursor.Encode(Start);
            return new CursorPage<WatchedChange>(rows.Select(r => r.Change).ToList(), next);
        }
    }
}

using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messages;
using Registry.Application.Common.Messages.Templates;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Domain.Credentials;
using Registry.Domain.Employers;
using Registry.Domain.Notifications;

namespace Registry.Application.Features.Employers;

/// <summary>
/// Tells watching employers of status changes. It reads the credential history itself, the one record of
/// every change however it was made (a staff decision, a renewal, or the expiry job's set-based SQL), so no
/// change depends on an in-process event. One query finds the (employer, entry) pairs not yet told; each
/// becomes a <see cref="WatchAlert"/>, unique per pair, and each employer gets one e-mail per run listing
/// its new changes. Run every minute by the <c>watch-list-notify</c> job; a run that loses a race to another
/// fails on the unique index and leaves the pairs for the next run.
/// </summary>
public static class NotifyWatchingEmployers
{
    /// <summary>History entries older than this are not looked at: the catch-up window after an outage.</summary>
    public static readonly TimeSpan CatchUpWindow = TimeSpan.FromDays(7);

    public const int MaximumPerRun = 5_000;

    [AllowedRoles(Roles.SystemAdmin)]
    public sealed record Command : ICommand<Outcome>;

    public sealed record Outcome(int Alerts, int Employers);

    public sealed class Handler(IRegistryDbContext db, TimeProvider clock) : IRequestHandler<Command, Outcome>
    {
        private static readonly CredentialEventKind[] Kinds = [.. WatchedCredential.NotifiedKinds];

        public async Task<Outcome> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var since = now - CatchUpWindow;
            var pending = await (
                    from w in db.WatchedCredentials
                    join employer in db.Employers on w.EmployerId equals employer.Id
                    join c in db.Credentials on w.CredentialId equals c.Id
                    from e in c.History
                    where employer.Status == EmployerStatus.Approved
                        && e.RecordedAt >= since && e.RecordedAt >= w.AddedAt && Kinds.Contains(e.Kind)
                        && !db.WatchAlerts.Any(a => a.EmployerId == w.EmployerId && a.CredentialEventId == e.Id)
                    join p in db.People on c.HolderPersonId equals p.Id
                    select new
                    {
                        w.EmployerId, employer.Name, employer.ContactEmail, EventId = e.Id, c.Id, c.Number, e.Kind, e.ToStatus, e.EffectiveOn, e.Sequence, e.EndorsementCode,
                        p.LegalFirstName, p.LegalLastName,
                    })
                .AsNoTracking()
                .Take(MaximumPerRun)
                .ToListAsync(cancellationToken);

            foreach (var employer in pending.GroupBy(x => (x.EmployerId, x.Name, x.ContactEmail)))
            {
                var changes = employer.OrderBy(x => x.Number.Value).ThenBy(x => x.Sequence).ToList();
                db.WatchAlerts.AddRange(changes.Select(x => new WatchAlert(x.EmployerId, x.Id, x.EventId, x.Kind, x.ToStatus, x.EffectiveOn, now)));
                var message = new WatchListChangeMessage(employer.Key.Name, changes
                    .Select(x => new WatchListChangeMessage.Change(x.Number.Value, $"{x.LegalFirstName} {x.LegalLastName}", x.Kind, x.ToStatus, x.EffectiveOn)
                        { Endorsement = x.EndorsementCode }).ToList());
                // The first entry told in this message can be told only once (the alert is unique), so the key is too.
                db.Notifications.Add(Outbox.Message(employer.Key.ContactEmail, message, now,
                    deduplicationKey: $"watch:{employer.Key.EmployerId}:{changes[0].EventId}", priority: NotificationPriority.Bulk));
            }
            return new Outcome(pending.Count, pending.Select(x => x.EmployerId).Distinct().Count());
        }

    }
}

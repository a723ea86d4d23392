using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Behaviours;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messages;
using Registry.Application.Common.Messages.Templates;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Domain.Claims;
using Registry.Domain.Jurisdictions;
using Registry.Domain.Notifications;

namespace Registry.Application.Features.Claims;

/// <summary>
/// A StateAdmin invites the state's holders without an account to claim their records: each with an e-mail and no
/// invitation still valid gets one (at bulk priority), at most <see cref="ClaimLimits.InvitationsPerSend"/> a send.
/// The import may name the people it has just written; without names, every such holder of the state is considered.
/// </summary>
public static class InviteHolders
{
    [AllowedRoles(Roles.StateAdmin)]
    public sealed record Command : ICommand<Sent>, IStateScoped
    {
        public string StateCode { get; init; } = "";

        /// <summary>Only these people (e.g. the rows an import has just written); null for all.</summary>
        public IReadOnlyList<Guid>? PersonIds { get; init; }
    }

    /// <summary>How many were invited now, and how many are still waiting for a later send.</summary>
    public sealed record Sent(int Invited, int StillToInvite);

    public sealed class Handler(IRegistryDbContext db, IIdentityService identity, IAccountLinks links, ICurrentUser user, TimeProvider clock,
        RequestScope scope, ClaimLimits limits) : IRequestHandler<Command, Sent>
    {
        public async Task<Sent> Handle(Command command, CancellationToken cancellationToken)
        {
            var state = StateCode.TryParse(command.StateCode, out var code) ? code : throw new NotFoundException("State", command.StateCode);
            scope.StateCode = state;
            var jurisdiction = await db.Jurisdictions.Where(j => j.Code == state).Select(j => new { j.Name, j.TimeZone }).SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("State", command.StateCode);
            var stateName = jurisdiction.Name;
            var now = clock.GetUtcNow();
            var waiting = UnclaimedRecords.ToInvite(db, identity, state, now);
            if (command.PersonIds is { } only) waiting = waiting.Where(p => only.Contains(p.Id));

            var batch = await waiting.OrderBy(p => p.Id).Take(Math.Max(1, limits.InvitationsPerSend))
                .Select(p => new
                {
                    PersonId = p.Id, Email = p.Email!, p.LegalFirstName,
                    Credential = db.Credentials.Where(c => c.HolderPersonId == p.Id && c.StateCode == state).OrderBy(c => c.IssuedOn)
                        .Select(c => new { c.Id, c.Number, c.ProgramId }).First(),
                })
                .ToListAsync(cancellationToken);
            var programIds = batch.Select(b => b.Credential.ProgramId).Distinct().ToList();
            var programs = await db.Programs.Where(p => programIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);

            foreach (var holder in batch)
            {
                var claim = RecordClaim.Invite(holder.PersonId, holder.Credential.Id, state, holder.Email, user.UserId, now, out var token);
                db.RecordClaims.Add(claim);
                var message = new ClaimInvitationMessage(holder.LegalFirstName, stateName, holder.Credential.Number.Value, programs[holder.Credential.ProgramId],
                    links.ClaimRecord(token), RegistryDay.DayOf(claim.ExpiresAt, jurisdiction.TimeZone));
                db.Notifications.Add(Outbox.Message(holder.Email, message, now, holder.PersonId, priority: NotificationPriority.Bulk));
            }
            var total = await waiting.CountAsync(cancellationToken);
            return new Sent(batch.Count, total - batch.Count);
        }
    }
}

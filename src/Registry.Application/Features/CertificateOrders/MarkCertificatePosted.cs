using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messages;
using Registry.Application.Common.Messages.Templates;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Application.Common.Time;
using Registry.Application.Features.Fees;
using Registry.Domain.Credentials;

namespace Registry.Application.Features.CertificateOrders;

/// <summary>The board's staff record that they posted a printed certificate; the holder is told through the outbox.</summary>
public static class MarkCertificatePosted
{
    [AllowedRoles(Roles.Reviewer, Roles.StateAdmin, Roles.SystemAdmin)]
    public sealed record Command(Guid OrderId) : ICommand<CertificateOrderStatus>;

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user, TimeProvider clock, IRegistryCalendar calendar) : IRequestHandler<Command, CertificateOrderStatus>
    {
        public async Task<CertificateOrderStatus> Handle(Command command, CancellationToken cancellationToken)
        {
            var order = await db.PrintedCertificateOrders.SingleOrDefaultAsync(o => o.Id == command.OrderId, cancellationToken);
            if (order is null || !FeeHelp.MayActFor(user, order.StateCode)) throw new NotFoundException("Printed certificate order", command.OrderId);
            var at = clock.GetUtcNow();
            order.MarkPosted(user.UserId!.Value, at);

            var holder = await (from c in db.Credentials
                                where c.Id == order.CredentialId
                                join p in db.People on c.HolderPersonId equals p.Id
                                join g in db.Programs on c.ProgramId equals g.Id
                                select new { p.Email, Name = p.PreferredName ?? p.LegalFirstName, c.Number, Program = g.Name }).SingleAsync(cancellationToken);
            if (holder.Email is not null)
                db.Notifications.Add(Outbox.Message(holder.Email, new CertificatePostedMessage(holder.Name, holder.Program, holder.Number.Value, await calendar.TodayAsync(order.StateCode, cancellationToken)),
                    at, order.PersonId, deduplicationKey: $"certificate-posted:{order.Id}"));
            return order.Status;
        }
    }
}

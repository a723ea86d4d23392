using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Behaviours;
using Registry.Application.Common.Interfaces;
using Registry.Domain.Fees;

namespace Registry.Application.Features.CertificateOrders;

/// <summary>A replacement-certificate fee paid in full or waived puts its order on the board's list to post, in the same unit of work.</summary>
public sealed class PostWhenFeeSettled(IRegistryDbContext db) : INotificationHandler<DomainEventNotification<FeeSettled>>
{
    public async Task Handle(DomainEventNotification<FeeSettled> notification, CancellationToken cancellationToken)
    {
        if (notification.Event.ApplicationId is not null) return;
        var order = await db.PrintedCertificateOrders.SingleOrDefaultAsync(o => o.FeeId == notification.Event.FeeId, cancellationToken);
        order?.FeeSettled();
    }
}

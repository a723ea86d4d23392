using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Behaviours;
using Registry.Application.Common.Interfaces;
using Registry.Domain.Fees;

namespace Registry.Application.Features.Fees;

/// <summary>A fee paid in full or waived sends the application that waited for it to the review queue, in the same unit of work.</summary>
public sealed class ReviewWhenFeeSettled(IRegistryDbContext db) : INotificationHandler<DomainEventNotification<FeeSettled>>
{
    public async Task Handle(DomainEventNotification<FeeSettled> notification, CancellationToken cancellationToken)
    {
        if (notification.Event.ApplicationId is not { } applicationId) return;
        var application = await db.Applications.SingleAsync(a => a.Id == applicationId, cancellationToken);
        application.FeeSettled();
    }
}

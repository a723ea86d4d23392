using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Domain.Common;
using Registry.Domain.Credentials;
using Registry.Domain.Fees;

namespace Registry.Application.Features.CertificateOrders;

/// <summary>The holder cancels an order still waiting for its fee; the unpaid fee is cancelled with it. Once paid, the board posts it.</summary>
public static class CancelPrintedCertificateOrder
{
    [AllowedRoles(Roles.Applicant)]
    public sealed record Command(Guid OrderId) : ICommand<CertificateOrderStatus>;

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<Command, CertificateOrderStatus>
    {
        public async Task<CertificateOrderStatus> Handle(Command command, CancellationToken cancellationToken)
        {
            var order = await db.PrintedCertificateOrders.SingleOrDefaultAsync(o => o.Id == command.OrderId && o.PersonId == user.PersonId, cancellationToken)
                ?? throw new NotFoundException("Printed certificate order", command.OrderId);
            if (order.Status != CertificateOrderStatus.AwaitingFee)
                throw new DomainRuleException("Only an order still waiting for its fee can be cancelled; the board posts a paid order.");
            var at = clock.GetUtcNow();
            const string reason = "Cancelled by the holder before paying.";
            order.Cancel(reason, at);
            if (order.FeeId is { } feeId && await db.Fees.SingleOrDefaultAsync(f => f.Id == feeId, cancellationToken) is { Status: FeeStatus.Owed, PaidAmount: 0m } fee)
                fee.Cancel(reason, at);
            return order.Status;
        }
    }
}

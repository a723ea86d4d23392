using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Domain.Fees;

namespace Registry.Application.Features.Fees;

/// <summary>
/// A checkout the payer returned from, with its fee as recorded now: the return page shows it and records nothing (the
/// payment is recorded only from the provider's signed webhook, which may arrive a moment later).
/// </summary>
public static class GetCheckout
{
    [AllowedRoles(Roles.Applicant, Roles.Employer)]
    public sealed record Query(Guid CheckoutId) : IRequest<Model>;

    public sealed record Model(Guid CheckoutId, Guid FeeId, decimal Amount, CheckoutStatus Status, FeeStatus FeeStatus, decimal FeeAmount,
        decimal PaidAmount, decimal Balance);

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user) : IRequestHandler<Query, Model>
    {
        public async Task<Model> Handle(Query query, CancellationToken cancellationToken)
        {
            var checkout = await db.PaymentCheckouts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == query.CheckoutId, cancellationToken);
            var fee = checkout is null ? null : await db.Fees.AsNoTracking().SingleAsync(f => f.Id == checkout.FeeId, cancellationToken);
            if (checkout is null || fee is null || !(OpenCheckout.Handler.MayPay(fee, user) || checkout.OpenedByUserId == user.UserId))
                throw new NotFoundException("Checkout", query.CheckoutId);
            return new Model(checkout.Id, fee.Id, checkout.Amount, checkout.Status, fee.Status, fee.Amount, fee.PaidAmount, fee.Balance);
        }
    }
}

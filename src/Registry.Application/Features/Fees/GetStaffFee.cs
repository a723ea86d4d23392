using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Behaviours;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Domain.Fees;

namespace Registry.Application.Features.Fees;

/// <summary>One fee as the board's staff see it: what it is for, its payments (with their receipts), refunds, waiver or cancellation.</summary>
public static class GetStaffFee
{
    [AllowedRoles(Roles.Reviewer, Roles.StateAdmin, Roles.SystemAdmin)]
    public sealed record Query(Guid FeeId) : IRequest<Model>;

    public sealed record Model(Guid Id, string StateCode, Guid PersonId, string PersonName, Guid ProgramId, string Program, FeeKind Kind, FeeBasis Basis,
        decimal Amount, decimal PaidAmount, decimal RefundedAmount, decimal Balance, FeeStatus Status, DateTimeOffset OwedAt, Guid? ApplicationId,
        string? Employer, Waiver? Waiver, string? CancellationReason, DateTimeOffset? CancelledAt, IReadOnlyList<Payment> Payments, IReadOnlyList<Refund> Refunds)
    {
        /// <summary>What may still be refunded: paid and not yet refunded.</summary>
        public decimal Refundable => Status is FeeStatus.Paid or FeeStatus.Refunded ? PaidAmount - RefundedAmount : 0m;

        /// <summary>Paid by card and not yet returned: a refund of it goes back to the card through the payment provider.</summary>
        public decimal CardRefundable => Payments.Where(p => p.Method == PaymentMethod.Card).Sum(p => p.Amount) - Refunds.Where(r => r.AtProvider).Sum(r => r.Amount);
    }

    public sealed record Waiver(decimal Amount, string? Fund, string? Reason, DateTimeOffset? At);

    public sealed record Payment(Guid Id, string ReceiptNumber, DateOnly ReceivedOn, decimal Amount, PaymentMethod Method, Payer Payer, string? Reference);

    public sealed record Refund(Guid Id, decimal Amount, string Reason, DateTimeOffset At, bool AtProvider);

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user, RequestScope scope) : IRequestHandler<Query, Model>
    {
        public async Task<Model> Handle(Query query, CancellationToken cancellationToken)
        {
            var fee = await FeeOffice.LoadForStaffAsync(db, user, scope, query.FeeId, cancellationToken);
            var person = await db.People.AsNoTracking().Where(p => p.Id == fee.PersonId).Select(p => p.LegalFirstName + " " + p.LegalLastName).SingleAsync(cancellationToken);
            var program = await db.Programs.AsNoTracking().Where(p => p.Id == fee.ProgramId).Select(p => p.Code + ": " + p.Name).SingleAsync(cancellationToken);
            var employer = fee.EmployerId is { } employerId
                ? await db.Employers.AsNoTracking().Where(e => e.Id == employerId).Select(e => e.Name).SingleOrDefaultAsync(cancellationToken)
                : null;
            var fund = fee.WaiverFundId is { } fundId
                ? await db.FeeFunds.AsNoTracking().Where(f => f.Id == fundId).Select(f => f.Name).SingleOrDefaultAsync(cancellationToken)
                : null;
            return new Model(fee.Id, fee.StateCode.Value, fee.PersonId, person, fee.ProgramId, program, fee.Kind, fee.Basis, fee.Amount, fee.PaidAmount,
                fee.RefundedAmount, fee.Balance, fee.Status, fee.OwedAt, fee.ApplicationId, employer,
                fee.Status == FeeStatus.Waived ? new Waiver(fee.WaivedAmount, fund, fee.WaiverReason, fee.WaivedAt) : null,
                fee.CancellationReason, fee.CancelledAt,
                fee.Payments.OrderBy(p => p.ReceivedOn).ThenBy(p => p.RecordedAt)
                    .Select(p => new Payment(p.Id, FeeOffice.ReceiptNumber(fee.StateCode, p.ReceivedOn, p.Id), p.ReceivedOn, p.Amount, p.Method, p.Payer, p.Reference)).ToList(),
                fee.Refunds.OrderBy(r => r.At).Select(r => new Refund(r.Id, r.Amount, r.Reason, r.At, r.ProviderRefundId is not null)).ToList());
        }
    }
}

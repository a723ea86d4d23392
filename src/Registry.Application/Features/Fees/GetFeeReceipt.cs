using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Behaviours;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messages;
using Registry.Application.Common.Security;
using Registry.Application.Features.Jurisdictions;
using Registry.Domain.Fees;
using Registry.Domain.Jurisdictions;

namespace Registry.Application.Features.Fees;

/// <summary>
/// The receipt of one payment: the board and how to reach it, the receipt number, when and how much was received, by what
/// means, what it paid for and the balance after it. For the person who owed the fee, the employer the fee was invoiced
/// to, and staff of the fee's state; anyone else is told it does not exist. Nothing private is on it.
/// </summary>
public static class GetFeeReceipt
{
    [AllowedRoles(Roles.Applicant, Roles.Employer, Roles.Reviewer, Roles.StateAdmin, Roles.SystemAdmin)]
    public sealed record Query(Guid PaymentId) : IRequest<Receipt>;

    public sealed record Receipt(Guid PaymentId, string ReceiptNumber, BoardContactDetails Board, string PaidBy, DateOnly ReceivedOn, decimal Amount,
        PaymentMethod Method, Payer Payer, string? Reference, Guid FeeId, FeeKind Kind, string Program, Guid? ApplicationId, decimal FeeAmount,
        decimal BalanceAfter, string Currency, IReadOnlyList<ReceiptRefund> Refunds);

    /// <summary>Money returned against the fee this payment paid, on the day (in the state's time zone) it was returned.</summary>
    public sealed record ReceiptRefund(DateOnly RefundedOn, decimal Amount);

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user, RequestScope scope) : IRequestHandler<Query, Receipt>
    {
        public async Task<Receipt> Handle(Query query, CancellationToken cancellationToken)
        {
            var found = await db.Fees.AsNoTracking()
                .SelectMany(f => f.Payments, (f, p) => new { Fee = f, Payment = p })
                .Where(x => x.Payment.Id == query.PaymentId)
                .Select(x => new
                {
                    x.Fee.Id, x.Fee.StateCode, x.Fee.PersonId, x.Fee.EmployerId, x.Fee.ProgramId, x.Fee.Kind, FeeAmount = x.Fee.Amount, x.Fee.ApplicationId,
                    PaymentAmount = x.Payment.Amount, x.Payment.Method, x.Payment.Payer, x.Payment.Reference, x.Payment.ReceivedOn, x.Payment.RecordedAt,
                    // What had been paid up to and with this payment: the balance after it.
                    PaidSoFar = x.Fee.Payments.Where(p => p.RecordedAt < x.Payment.RecordedAt || (p.RecordedAt == x.Payment.RecordedAt && p.Id.CompareTo(x.Payment.Id) <= 0))
                        .Sum(p => p.Amount),
                })
                .SingleOrDefaultAsync(cancellationToken);
            var mayRead = found is not null && (FeeOffice.IsStaffOf(user, found.StateCode)
                || (user.IsInRole(Roles.Applicant) && user.PersonId == found.PersonId)
                || (user.IsInRole(Roles.Employer) && user.EmployerId is { } employer && employer == found.EmployerId));
            if (!mayRead) throw new NotFoundException("Payment", query.PaymentId);
            scope.StateCode = found!.StateCode;

            var board = await BoardContacts.OfStateAsync(db, found.StateCode, cancellationToken)
                ?? throw new NotFoundException("State", found.StateCode.Value);
            var program = await db.Programs.AsNoTracking().Where(p => p.Id == found.ProgramId).Select(p => p.Code + ": " + p.Name).SingleAsync(cancellationToken);
            var paidBy = found.Payer == Payer.Employer && found.EmployerId is { } employerId
                ? await db.Employers.AsNoTracking().Where(e => e.Id == employerId).Select(e => e.Name).SingleAsync(cancellationToken)
                : await db.People.AsNoTracking().Where(p => p.Id == found.PersonId).Select(p => p.LegalFirstName + " " + p.LegalLastName).SingleAsync(cancellationToken);
            var timeZone = await db.Jurisdictions.AsNoTracking().Where(j => j.Code == found.StateCode).Select(j => j.TimeZone).SingleAsync(cancellationToken);
            var refunds = (await db.Fees.AsNoTracking().Where(f => f.Id == found.Id).SelectMany(f => f.Refunds).Select(r => new { r.At, r.Amount }).ToListAsync(cancellationToken))
                .OrderBy(r => r.At).Select(r => new ReceiptRefund(RegistryDay.DayOf(r.At, timeZone), r.Amount)).ToList();
            return new Receipt(query.PaymentId, FeeOffice.ReceiptNumber(found.StateCode, found.ReceivedOn, query.PaymentId), board, paidBy, found.ReceivedOn,
                found.PaymentAmount, found.Method, found.Payer, found.Reference, found.Id, found.Kind, program, found.ApplicationId, found.FeeAmount,
                found.FeeAmount - found.PaidSoFar, Money.Currency, refunds);
        }
    }
}

using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Domain.Fees;

namespace Registry.Application.Features.Fees;

/// <summary>
/// One fee as the person who owes it (or their state's staff) reads it: what it is for and why this amount, what is
/// paid, refunded or waived, what is still owed, and where to send a cheque. No hardship statement is in it.
/// </summary>
public static class GetFee
{
    [AllowedRoles(Roles.Applicant, Roles.Reviewer, Roles.StateAdmin, Roles.SystemAdmin)]
    public sealed record Query(Guid FeeId) : IRequest<Model>, IFeeScoped;

    public sealed record Model(
        Guid Id, string StateCode, string StateName, Guid ProgramId, string ProgramName, Guid? ApplicationId, Guid? CredentialId,
        FeeKind Kind, FeeBasis Basis, decimal Amount, int RequirementsVersion, DateTimeOffset OwedAt, FeeStatus Status,
        decimal Balance, decimal PaidAmount, decimal RefundedAmount, DateTimeOffset? SettledAt,
        IReadOnlyList<PaymentModel> Payments, IReadOnlyList<RefundModel> Refunds, WaiverModel? Waiver, CancellationModel? Cancellation,
        string? InvoicedToEmployer, PayByMailModel PayByMail)
    {
        public string Currency => Money.Currency;
    }

    /// <param name="Reference">The cheque or money order number, or the voucher's last characters.</param>
    public sealed record PaymentModel(Guid Id, decimal Amount, PaymentMethod Method, Payer Payer, string? Reference, DateOnly ReceivedOn);

    public sealed record RefundModel(decimal Amount, string Reason, DateTimeOffset At);

    /// <param name="Fund">The fund that paid for the waiver, if one did.</param>
    public sealed record WaiverModel(decimal Amount, string? Fund, string Reason, DateTimeOffset At);

    public sealed record CancellationModel(string Reason, DateTimeOffset At);

    /// <summary>Where a cheque or money order goes: the board named on it and its mailing address (null when the state gives none).</summary>
    public sealed record PayByMailModel(string PayableTo, string? MailingAddress);

    public sealed class Handler(IRegistryDbContext db) : IRequestHandler<Query, Model>
    {
        public async Task<Model> Handle(Query query, CancellationToken cancellationToken)
        {
            var fee = await db.Fees.AsNoTracking().Include(f => f.Payments).Include(f => f.Refunds)
                .SingleOrDefaultAsync(f => f.Id == query.FeeId, cancellationToken) ?? throw new NotFoundException("Fee", query.FeeId);
            var program = await db.Programs.Where(p => p.Id == fee.ProgramId).Select(p => p.Name).SingleAsync(cancellationToken);
            var board = await db.Jurisdictions.Where(j => j.Code == fee.StateCode)
                .Select(j => new { j.Name, j.BoardName, j.MailingAddress }).SingleAsync(cancellationToken);
            var fund = fee.WaiverFundId is { } fundId ? await db.FeeFunds.Where(f => f.Id == fundId).Select(f => f.Name).SingleOrDefaultAsync(cancellationToken) : null;
            var employer = fee.EmployerId is { } employerId ? await db.Employers.Where(e => e.Id == employerId).Select(e => e.Name).SingleOrDefaultAsync(cancellationToken) : null;
            return new Model(fee.Id, fee.StateCode.Value, board.Name, fee.ProgramId, program, fee.ApplicationId, fee.CredentialId,
                fee.Kind, fee.Basis, fee.Amount, fee.RequirementsVersion, fee.OwedAt, fee.Status, fee.Balance, fee.PaidAmount, fee.RefundedAmount, fee.SettledAt,
                fee.Payments.OrderBy(p => p.ReceivedOn).ThenBy(p => p.RecordedAt).Select(p => new PaymentModel(p.Id, p.Amount, p.Method, p.Payer, p.Reference, p.ReceivedOn)).ToList(),
                fee.Refunds.OrderBy(r => r.At).Select(r => new RefundModel(r.Amount, r.Reason, r.At)).ToList(),
                fee is { Status: FeeStatus.Waived, WaivedAt: { } waivedAt } ? new WaiverModel(fee.WaivedAmount, fund, fee.WaiverReason ?? "", waivedAt) : null,
                fee is { Status: FeeStatus.Cancelled, CancelledAt: { } cancelledAt } ? new CancellationModel(fee.CancellationReason ?? "", cancelledAt) : null,
                employer, new PayByMailModel(board.BoardName ?? $"{board.Name} peer certification board", board.MailingAddress));
        }
    }
}

using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Domain.Fees;
using Registry.Domain.Jurisdictions;

namespace Registry.Application.Features.Fees;

/// <summary>
/// A state's fee revenue for a period (from and to are days in the state's calendar, both included): every payment,
/// refund, waiver and voucher used, the totals per method, kind and fund, and the reconciliation with the payment
/// provider. Totals are grouped in the database; the detail rows stream from it (<see cref="IStreamedReads"/>: enumerate
/// them inside its read), one sheet after another, so a long period is never read into a list.
/// </summary>
public static class RevenueReport
{
    /// <summary>The longest period one workbook covers.</summary>
    public const int MaximumDays = 3 * 366;

    [AllowedRoles(Roles.StateAdmin, Roles.SystemAdmin)]
    public sealed record Query : IRequest<Model>, IStateScoped, IAuditedRead
    {
        public string StateCode { get; init; } = "";
        public DateOnly From { get; init; }
        public DateOnly To { get; init; }

        string IAuditedRead.AuditedType => "RevenueReport";
        string? IAuditedRead.AuditedId => $"{StateCode.ToUpperInvariant()} {From:yyyy-MM-dd}..{To:yyyy-MM-dd}";
    }

    public sealed record Model(string StateCode, string Board, DateOnly From, DateOnly To, Totals Totals,
        IAsyncEnumerable<PaymentRow> Payments, IAsyncEnumerable<RefundRow> Refunds, IAsyncEnumerable<WaiverRow> Waivers,
        IAsyncEnumerable<VoucherRow> Vouchers, IAsyncEnumerable<UnmatchedProviderPayment> UnmatchedProviderPayments,
        IAsyncEnumerable<PaymentRow> CardPaymentsWithoutProviderPayment);

    public sealed record PaymentRow(Guid Id, DateOnly ReceivedOn, string FirstName, string LastName, string Program, FeeKind Kind, PaymentMethod Method,
        Payer Payer, string? Reference, decimal Amount, string? ProviderPaymentId);

    public sealed record RefundRow(DateTimeOffset At, string FirstName, string LastName, string Program, FeeKind Kind, decimal Amount, string Reason, Guid FeeId);

    public sealed record WaiverRow(string? Fund, DateTimeOffset? At, string FirstName, string LastName, FeeKind Kind, decimal Amount, string? Reason, string? By);

    public sealed record VoucherRow(string Fund, string LastCharacters, DateTimeOffset? UsedAt, string FirstName, string LastName, FeeKind Kind, decimal Amount);

    public sealed record UnmatchedProviderPayment(string Provider, string ProviderPaymentId, DateTimeOffset PaidAt, decimal Amount, string Currency, string? Reason);

    public sealed record Line(string Name, int Count, decimal Amount);

    public sealed record Totals(IReadOnlyList<Line> ByMethod, IReadOnlyList<Line> ByKind, IReadOnlyList<Line> WaiversByFund, IReadOnlyList<Line> VouchersByFund,
        decimal Payments, decimal Refunds)
    {
        public decimal NetRevenue => Payments - Refunds;
    }

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.From).NotEqual(default(DateOnly)).WithMessage("Give the first day of the period (from, yyyy-MM-dd).").OverridePropertyName("from");
            RuleFor(q => q.To).NotEqual(default(DateOnly)).WithMessage("Give the last day of the period (to, yyyy-MM-dd).").OverridePropertyName("to");
            RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).When(q => q.From != default && q.To != default)
                .WithMessage("The period ends before it begins.").OverridePropertyName("to");
            RuleFor(q => q).Must(q => q.To.DayNumber - q.From.DayNumber <= MaximumDays).When(q => q.From != default && q.To >= q.From)
                .WithMessage($"A workbook covers at most {MaximumDays} days; ask for a shorter period.").OverridePropertyName("to");
        }
    }

    public sealed class Handler(IRegistryDbContext db, IStreamedReads reads, IIdentityService identity) : IRequestHandler<Query, Model>
    {
        public async Task<Model> Handle(Query query, CancellationToken cancellationToken)
        {
            var state = Domain.Jurisdictions.StateCode.Parse(query.StateCode);
            var jurisdiction = await db.Jurisdictions.AsNoTracking().Where(j => j.Code == state)
                .Select(j => new { Board = j.BoardName ?? j.Name + " peer certification board", j.TimeZone }).SingleAsync(cancellationToken);
            // The period's days in the state's calendar, as instants: from its first midnight to the midnight after its last day.
            var startsAt = RegistryDay.StartOf(query.From, jurisdiction.TimeZone);
            var endsBefore = RegistryDay.StartOf(query.To.AddDays(1), jurisdiction.TimeZone);

            var fees = db.Fees.AsNoTracking().Where(f => f.StateCode == state);
            var payments = fees.SelectMany(f => f.Payments, (f, p) => new { Fee = f, Payment = p })
                .Where(x => x.Payment.ReceivedOn >= query.From && x.Payment.ReceivedOn <= query.To);
            var refunds = fees.SelectMany(f => f.Refunds, (f, r) => new { Fee = f, Refund = r })
                .Where(x => x.Refund.At >= startsAt && x.Refund.At < endsBefore);
            var waivers = fees.Where(f => f.Status == FeeStatus.Waived && f.WaivedAt >= startsAt && f.WaivedAt < endsBefore);
            var vouchers = db.Vouchers.AsNoTracking().Where(v => v.StateCode == state && v.UsedForFeeId != null && v.UsedAt >= startsAt && v.UsedAt < endsBefore);

            var funds = await db.FeeFunds.AsNoTracking().Where(f => f.StateCode == state).Select(f => new { f.Id, f.Name }).ToDictionaryAsync(f => f.Id, f => f.Name, cancellationToken);
            var byMethod = await payments.GroupBy(x => x.Payment.Method)
                .Select(g => new { g.Key, Count = g.Count(), Amount = g.Sum(x => x.Payment.Amount) }).ToListAsync(cancellationToken);
            var byKind = await payments.GroupBy(x => x.Fee.Kind)
                .Select(g => new { g.Key, Count = g.Count(), Amount = g.Sum(x => x.Payment.Amount) }).ToListAsync(cancellationToken);
            var waiversByFund = await waivers.GroupBy(f => f.WaiverFundId)
                .Select(g => new { g.Key, Count = g.Count(), Amount = g.Sum(f => f.WaivedAmount) }).ToListAsync(cancellationToken);
            var vouchersByFund = await vouchers.GroupBy(v => v.FundId)
                .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
            var voucherAmounts = await payments.Where(x => x.Payment.Method == PaymentMethod.Voucher).GroupBy(x => x.Payment.FundId)
                .Select(g => new { g.Key, Amount = g.Sum(x => x.Payment.Amount) }).ToListAsync(cancellationToken);
            var refunded = await refunds.SumAsync(x => x.Refund.Amount, cancellationToken);
            // Who waived, by name: the few staff of the period, looked up once (their accounts are not rows to join in every provider's SQL).
            var waivedBy = await identity.DisplayNamesAsync(
                await waivers.Where(f => f.WaivedByUserId != null).Select(f => f.WaivedByUserId!.Value).Distinct().ToListAsync(cancellationToken), cancellationToken);

            string FundName(Guid? id) => id is { } fund && funds.TryGetValue(fund, out var name) ? name : "No fund";
            var totals = new Totals(
                byMethod.OrderBy(l => l.Key).Select(l => new Line(l.Key.ToString(), l.Count, l.Amount)).ToList(),
                byKind.OrderBy(l => l.Key).Select(l => new Line(l.Key.ToString(), l.Count, l.Amount)).ToList(),
                waiversByFund.Select(l => new Line(FundName(l.Key), l.Count, l.Amount)).OrderBy(l => l.Name, StringComparer.Ordinal).ToList(),
                vouchersByFund.Select(l => new Line(FundName(l.Key), l.Count,
                    voucherAmounts.Where(a => a.Key == l.Key).Sum(a => a.Amount))).OrderBy(l => l.Name, StringComparer.Ordinal).ToList(),
                byMethod.Sum(l => l.Amount), refunded);

            var people = db.People.AsNoTracking();
            var programs = db.Programs.AsNoTracking();
            var paymentRows = payments
                .Join(people, x => x.Fee.PersonId, p => p.Id, (x, p) => new { x.Fee, x.Payment, p.LegalFirstName, p.LegalLastName })
                .Join(programs, x => x.Fee.ProgramId, g => g.Id, (x, g) => new { x.Fee, x.Payment, x.LegalFirstName, x.LegalLastName, g.Code });
            return new Model(state.Value, jurisdiction.Board, query.From, query.To, totals,
                reads.Rows(paymentRows.OrderBy(x => x.Payment.ReceivedOn).ThenBy(x => x.Payment.RecordedAt).ThenBy(x => x.Payment.Id)
                    .Select(x => new PaymentRow(x.Payment.Id, x.Payment.ReceivedOn, x.LegalFirstName, x.LegalLastName, x.Code, x.Fee.Kind, x.Payment.Method,
                        x.Payment.Payer, x.Payment.Reference, x.Payment.Amount, x.Payment.ProviderPaymentId))),
                reads.Rows(refunds
                    .Join(people, x => x.Fee.PersonId, p => p.Id, (x, p) => new { x.Fee, x.Refund, p.LegalFirstName, p.LegalLastName })
                    .Join(programs, x => x.Fee.ProgramId, g => g.Id, (x, g) => new { x.Fee, x.Refund, x.LegalFirstName, x.LegalLastName, g.Code })
                    .OrderBy(x => x.Refund.At).ThenBy(x => x.Refund.Id)
                    .Select(x => new RefundRow(x.Refund.At, x.LegalFirstName, x.LegalLastName, x.Code, x.Fee.Kind, x.Refund.Amount, x.Refund.Reason, x.Fee.Id))),
                Named(reads.Rows(waivers
                    .Join(people, f => f.PersonId, p => p.Id, (f, p) => new { Fee = f, p.LegalFirstName, p.LegalLastName })
                    .GroupJoin(db.FeeFunds.AsNoTracking(), x => x.Fee.WaiverFundId, u => u.Id, (x, u) => new { x, u })
                    .SelectMany(j => j.u.DefaultIfEmpty(), (j, u) => new { j.x.Fee, j.x.LegalFirstName, j.x.LegalLastName, Fund = u == null ? null : u.Name })
                    .OrderBy(x => x.Fund).ThenBy(x => x.Fee.WaivedAt).ThenBy(x => x.Fee.Id)
                    .Select(x => new WaiverRead(x.Fund, x.Fee.WaivedAt, x.LegalFirstName, x.LegalLastName, x.Fee.Kind, x.Fee.WaivedAmount, x.Fee.WaiverReason, x.Fee.WaivedByUserId))),
                    waivedBy),
                reads.Rows(vouchers
                    .Join(db.FeeFunds.AsNoTracking(), v => v.FundId, u => u.Id, (v, u) => new { Voucher = v, Fund = u.Name })
                    .Join(db.Fees.AsNoTracking(), x => x.Voucher.UsedForFeeId, f => f.Id, (x, f) => new { x.Voucher, x.Fund, Fee = f })
                    .Join(people, x => x.Fee.PersonId, p => p.Id, (x, p) => new { x.Voucher, x.Fund, x.Fee, p.LegalFirstName, p.LegalLastName })
                    .OrderBy(x => x.Fund).ThenBy(x => x.Voucher.UsedAt).ThenBy(x => x.Voucher.Id)
                    .Select(x => new VoucherRow(x.Fund, x.Voucher.LastCharacters, x.Voucher.UsedAt, x.LegalFirstName, x.LegalLastName, x.Fee.Kind,
                        x.Fee.Payments.Where(p => p.Method == PaymentMethod.Voucher).Sum(p => p.Amount)))),
                reads.Rows(db.ProviderPayments.AsNoTracking()
                    .Where(p => p.StateCode == state && p.FeePaymentId == null && p.PaidAt >= startsAt && p.PaidAt < endsBefore)
                    .OrderBy(p => p.PaidAt).ThenBy(p => p.Id)
                    .Select(p => new UnmatchedProviderPayment(p.Provider, p.ProviderPaymentId, p.PaidAt, p.Amount, p.Currency, p.UnmatchedBecause))),
                reads.Rows(paymentRows
                    .Where(x => x.Payment.Method == PaymentMethod.Card && !db.ProviderPayments.Any(pp => pp.FeePaymentId == x.Payment.Id))
                    .OrderBy(x => x.Payment.ReceivedOn).ThenBy(x => x.Payment.Id)
                    .Select(x => new PaymentRow(x.Payment.Id, x.Payment.ReceivedOn, x.LegalFirstName, x.LegalLastName, x.Code, x.Fee.Kind, x.Payment.Method,
                        x.Payment.Payer, x.Payment.Reference, x.Payment.Amount, x.Payment.ProviderPaymentId))));
        }

        /// <summary>Each waiver with its staff member by name; an account since removed keeps its id.</summary>
        private static async IAsyncEnumerable<WaiverRow> Named(IAsyncEnumerable<WaiverRead> rows, IReadOnlyDictionary<Guid, string> names)
        {
            await foreach (var r in rows)
                yield return new WaiverRow(r.Fund, r.At, r.FirstName, r.LastName, r.Kind, r.Amount, r.Reason,
                    r.ByUserId is { } id ? names.GetValueOrDefault(id, id.ToString()) : null);
        }
    }

    /// <summary>A waiver as the database reads it, before its staff member is named.</summary>
    private sealed record WaiverRead(string? Fund, DateTimeOffset? At, string FirstName, string LastName, FeeKind Kind, decimal Amount, string? Reason, Guid? ByUserId);
}

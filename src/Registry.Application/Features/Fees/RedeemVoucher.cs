using System.Text.Json;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Application.Common.Time;
using Registry.Domain.Auditing;
using Registry.Domain.Common;
using Registry.Domain.Fees;

namespace Registry.Application.Features.Fees;

/// <summary>
/// The person who owes a fee (or the employer it is invoiced to) pays it with a voucher code: the voucher must be the
/// fee's state's, unused and not expired, and its fund must pay this kind of fee and have the balance left this fiscal
/// year. A wrong code is written to the audit log as a refusal (never the code); after
/// <see cref="WrongCodesPerHour"/> of them in an hour the sender is refused until the hour has passed.
/// </summary>
public static class RedeemVoucher
{
    public const int WrongCodesPerHour = 5;
    public const string UnknownCode = "This is not a voucher code of the state the fee is owed to. Check the code and try again.";
    public const string TooManyWrongCodes = "Too many voucher codes that did not match were entered in the last hour. Try again later, or ask the board for help.";

    /// <summary>What a voucher answers when it was used, or the fee or fund changed, at the same moment by another request.</summary>
    public const string UsedAtTheSameMoment = "This voucher, or the fee or fund it pays from, was used at the same moment by another request: nothing was paid. Reload the fee to see where it stands.";

    [AllowedRoles(Roles.Applicant, Roles.Employer)]
    public sealed record Command : ICommand<Outcome>
    {
        public Guid FeeId { get; init; }
        public string? Code { get; init; }
    }

    public sealed record Outcome(Guid FeeId, Guid PaymentId, decimal Paid, FeeStatus Status, string VoucherEndsWith);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Code).NotEmpty().WithMessage("Enter the voucher code.").MaximumLength(40);
    }

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user, TimeProvider clock, IRegistryCalendar calendar, IAccessLog accessLog)
        : IRequestHandler<Command, Outcome>
    {
        public async Task<Outcome> Handle(Command command, CancellationToken cancellationToken)
        {
            var fee = await FeeHelp.PayersFeeAsync(db, user, command.FeeId, invoicedEmployer: true, cancellationToken);
            var now = clock.GetUtcNow();
            var since = now.AddHours(-1);
            var wrong = await db.AuditEntries.CountAsync(a => a.Kind == AuditKind.Refusal && a.Action == nameof(RedeemVoucher)
                && a.ActorUserId == user.UserId && a.At > since, cancellationToken);
            if (wrong >= WrongCodesPerHour) throw new DomainRuleException(TooManyWrongCodes);

            var characters = VoucherCodes.Normalise(command.Code);
            var hash = characters is null ? null : VoucherCodes.Hash(characters);
            var voucher = hash is null ? null : await db.Vouchers.SingleOrDefaultAsync(v => v.CodeHash == hash, cancellationToken);
            if (voucher is null || voucher.StateCode != fee.StateCode)
            {
                await accessLog.RecordAsync(new AccessEvent(AuditKind.Refusal, nameof(RedeemVoucher), nameof(Fee), fee.Id.ToString(), fee.StateCode,
                    JsonSerializer.Serialize(new { reason = "unknown voucher code" })), cancellationToken);
                throw new DomainRuleException(UnknownCode);
            }

            var today = await calendar.TodayAsync(fee.StateCode, cancellationToken);
            var balance = fee.Balance;
            if (fee.Status != FeeStatus.Owed) throw new DomainRuleException($"This fee is {fee.Status.ToString().ToLowerInvariant()}: there is nothing to pay.");
            voucher.Use(fee.Id, today, now);
            var fund = await db.FeeFunds.SingleAsync(f => f.Id == voucher.FundId, cancellationToken);
            fund.Draw(balance, fee.Kind, today);
            var payment = fee.RecordPayment(balance, PaymentMethod.Voucher, Payer.Fund, $"Voucher …{voucher.LastCharacters}", today, now, user.UserId, fundId: fund.Id);
            return new Outcome(fee.Id, payment.Id, balance, fee.Status, voucher.LastCharacters);
        }
    }
}

using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Behaviours;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Domain.Fees;
using Registry.Domain.Jurisdictions;

namespace Registry.Application.Features.Fees;

/// <summary>
/// The board's side of fees: staff act on the fees of their own state only (a SystemAdmin on any); a fee of another
/// state is reported as not found, since even its existence is private.
/// </summary>
public static class FeeOffice
{
    /// <summary>The fee with its payments and refunds, tracked, when the sender is staff of its state.</summary>
    public static async Task<Fee> LoadForStaffAsync(IRegistryDbContext db, ICurrentUser user, RequestScope scope, Guid feeId, CancellationToken cancellationToken)
    {
        var fee = await db.Fees.Include(f => f.Payments).Include(f => f.Refunds)
            .SingleOrDefaultAsync(f => f.Id == feeId, cancellationToken);
        if (fee is null || !IsStaffOf(user, fee.StateCode)) throw new NotFoundException("Fee", feeId);
        scope.StateCode = fee.StateCode;
        return fee;
    }

    public static bool IsStaffOf(ICurrentUser user, StateCode state) =>
        user.IsInRole(Roles.SystemAdmin) || (Roles.StateStaff.Any(user.IsInRole) && user.StateCode == state);

    /// <summary>
    /// A payment's receipt number, readable and stable: the state, the year received and ten characters of the
    /// payment's random id (TX-2026-3F9A2-C41B7), so it needs no counter and never changes.
    /// </summary>
    public static string ReceiptNumber(StateCode state, DateOnly receivedOn, Guid paymentId)
    {
        var hex = paymentId.ToString("N").ToUpperInvariant();
        return $"{state.Value}-{receivedOn.Year:0000}-{hex[22..27]}-{hex[27..32]}";
    }

    /// <summary>The validation rule for a sum of money typed by staff: more than nothing, in dollars and cents.</summary>
    public static IRuleBuilderOptions<T, decimal> MoneyAmount<T>(this IRuleBuilder<T, decimal> rule, string what) =>
        rule.GreaterThan(0m).WithMessage($"{what} must be more than $0.00.")
            .Must(a => decimal.Round(a, 2) == a).WithMessage($"{what} is in dollars and cents: at most two decimal places.")
            .LessThanOrEqualTo(Money.Largest).WithMessage($"{what} is at most {Money.Format(Money.Largest)}.");
}

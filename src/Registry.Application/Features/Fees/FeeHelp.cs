using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Domain.Common;
using Registry.Domain.Fees;
using Registry.Domain.Jurisdictions;

namespace Registry.Application.Features.Fees;

/// <summary>
/// Who may act on a fee when help pays it (a voucher, a waiver, an employer): the person who owes it, the employer it is
/// invoiced to, or staff of its state. Anyone else is told it does not exist, since even a fee's existence is private.
/// </summary>
public static class FeeHelp
{
    /// <summary>The fee, tracked, when the sender owes it (or, with <paramref name="invoicedEmployer"/>, is the employer it is invoiced to).</summary>
    public static async Task<Fee> PayersFeeAsync(IRegistryDbContext db, ICurrentUser user, Guid feeId, bool invoicedEmployer, CancellationToken cancellationToken)
    {
        var fee = await db.Fees.Include(f => f.Payments).SingleOrDefaultAsync(f => f.Id == feeId, cancellationToken);
        var owes = fee is not null && user.IsInRole(Roles.Applicant) && user.PersonId == fee.PersonId;
        var invoiced = fee is not null && invoicedEmployer && user.IsInRole(Roles.Employer) && user.EmployerId is { } employer && fee.EmployerId == employer;
        if (fee is null || !(owes || invoiced)) throw new NotFoundException("Fee", feeId);
        return fee;
    }

    /// <summary>The fee, tracked, when the sender is staff of its state (or a system administrator).</summary>
    public static async Task<Fee> StaffFeeAsync(IRegistryDbContext db, ICurrentUser user, Guid feeId, CancellationToken cancellationToken)
    {
        var fee = await db.Fees.Include(f => f.Payments).SingleOrDefaultAsync(f => f.Id == feeId, cancellationToken);
        if (fee is null || !MayActFor(user, fee.StateCode)) throw new NotFoundException("Fee", feeId);
        return fee;
    }

    public static bool MayActFor(ICurrentUser user, StateCode state) =>
        user.IsInRole(Roles.SystemAdmin) || (Roles.StateStaff.Any(user.IsInRole) && user.StateCode == state);

    /// <summary>A fund of the fee's state, tracked; refused plainly when it is another state's or does not exist.</summary>
    public static async Task<FeeFund> FundForAsync(IRegistryDbContext db, Guid fundId, StateCode state, CancellationToken cancellationToken) =>
        await db.FeeFunds.SingleOrDefaultAsync(f => f.Id == fundId && f.StateCode == state, cancellationToken)
            ?? throw new DomainRuleException("Choose one of the state's funds.");

    /// <summary>A sum of money with at most two decimal places; for validators, so a form shows the error at its field.</summary>
    public static bool IsDollarsAndCents(decimal amount) => decimal.Round(amount, 2) == amount;

    public const string DollarsAndCents = "is in dollars and cents: at most two decimal places.";
}

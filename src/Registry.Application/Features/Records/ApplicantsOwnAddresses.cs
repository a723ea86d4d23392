using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;

namespace Registry.Application.Features.Records;

/// <summary>
/// The addresses of the applicant sending a request: their account's and their profile's. A supervisor or referee
/// vouches for an applicant, so the applicant cannot name one of their own addresses for either (a person would
/// confirm their own records). Compared without case, and without a "+tag" in the part before the @, which most
/// providers deliver to the same mailbox.
/// </summary>
internal static class ApplicantsOwnAddresses
{
    public static IRuleBuilderOptions<T, string> NotTheApplicantsOwn<T>(this IRuleBuilder<T, string> rule,
        IRegistryDbContext db, ICurrentUser user, IIdentityService identity, string message) =>
        rule.MustAsync(async (email, cancellationToken) => !await IsOwnAsync(db, user, identity, email, cancellationToken)).WithMessage(message);

    public static async Task<bool> IsOwnAsync(IRegistryDbContext db, ICurrentUser user, IIdentityService identity, string? email, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(email)) return false;
        var own = new List<string>();
        if (user.UserId is { } userId && await identity.FindByIdAsync(userId) is { } account) own.Add(account.Email);
        if (user.PersonId is { } personId)
            own.AddRange(await db.People.AsNoTracking().Where(p => p.Id == personId && p.Email != null).Select(p => p.Email!).ToListAsync(cancellationToken));
        var named = Mailbox(email);
        return own.Any(address => Mailbox(address) == named);
    }

    /// <summary>An address as the mailbox it reaches: trimmed, lower case, any "+tag" before the @ left out.</summary>
    private static string Mailbox(string email)
    {
        var address = email.Trim().ToLowerInvariant();
        var at = address.LastIndexOf('@');
        if (at <= 0) return address;
        var local = address[..at];
        var plus = local.IndexOf('+', StringComparison.Ordinal);
        return (plus > 0 ? local[..plus] : local) + address[at..];
    }
}

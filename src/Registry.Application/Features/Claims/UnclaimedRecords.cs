using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Domain.Claims;
using Registry.Domain.Jurisdictions;

namespace Registry.Application.Features.Claims;

/// <summary>
/// Records the registry holds for people without an account (an imported register): a person holding a credential of
/// the state and linked to no sign-in. These are the people invited to claim, and the only ones who may.
/// </summary>
public static class UnclaimedRecords
{
    /// <summary>The state's holders without an account.</summary>
    public static IQueryable<Domain.People.Person> Of(IRegistryDbContext db, IIdentityService identity, StateCode state) =>
        db.People.Where(p => db.Credentials.Any(c => c.HolderPersonId == p.Id && c.StateCode == state) && !identity.PeopleWithAccounts.Contains(p.Id));

    /// <summary>Those with an e-mail and no invitation still valid: the ones a send invites.</summary>
    public static IQueryable<Domain.People.Person> ToInvite(IRegistryDbContext db, IIdentityService identity, StateCode state, DateTimeOffset now) =>
        Of(db, identity, state).Where(p => p.Email != null && p.Email != "")
            .Where(p => !db.RecordClaims.Any(r => r.PersonId == p.Id && r.Kind == ClaimKind.Invitation && r.UsedAt == null && r.ReplacedAt == null
                && r.ExpiresAt > now && r.WrongAnswers < RecordClaim.MaxWrongAnswers));

    public static Task<bool> HasAccountAsync(IIdentityService identity, Guid personId, CancellationToken cancellationToken) =>
        identity.PeopleWithAccounts.AnyAsync(id => id == personId, cancellationToken);
}

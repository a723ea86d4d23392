using Registry.Application.Common.Behaviours;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Features.Accounts;
using Registry.Domain.Auditing;
using Registry.Domain.Claims;
using Registry.Domain.People;

namespace Registry.Application.Features.Claims;

/// <summary>
/// The checks both ways of claiming make before an account is created: the link or code still works, the record has no
/// account yet, and the answers (the e-mail invited, the date of birth when the state asks for it) match the record. A
/// wrong answer is counted on the claim (enough of them end it) and written to the audit log as a refusal, never with
/// what was typed; the caller hears one plain answer, whichever answer was wrong.
/// </summary>
public static class ClaimAnswers
{
    public const string WrongAnswer = "The details you entered do not match the record. Check them and try again, or ask your state's board for help.";

    public enum Outcome
    {
        Claimed,
        WrongAnswer,
    }

    /// <summary>Refuses a claim that no longer works, or whose person already has an account.</summary>
    public static async Task EnsureOpenAsync(IIdentityService identity, RecordClaim claim, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!claim.IsUsable(now)) throw AccountRules.Refusal("", RecordClaim.NotUsable);
        if (await UnclaimedRecords.HasAccountAsync(identity, claim.PersonId, cancellationToken))
            throw AccountRules.Refusal("", "This record already has an account. Sign in, or reset your password if you have forgotten it.");
    }

    /// <summary>True when the state does not ask for the date of birth, or the one given is the record's.</summary>
    public static async Task<bool> DateOfBirthMatchesAsync(IRegistryDbContext db, RecordClaim claim, Person person, DateOnly? given, CancellationToken cancellationToken)
    {
        var asks = await db.Jurisdictions.Where(j => j.Code == claim.StateCode).Select(j => j.ClaimRequiresDateOfBirth).SingleAsync(cancellationToken);
        return !asks || (person.DateOfBirth is { } onRecord && given == onRecord);
    }

    /// <summary>Counts a wrong answer; the refusal is written to the audit log once the count is saved.</summary>
    public static Outcome Refuse(RequestScope scope, RecordClaim? claim, string action)
    {
        claim?.RecordWrongAnswer();
        scope.AfterSave.Add(new AccessEvent(AuditKind.Refusal, action, nameof(RecordClaim), claim?.Id.ToString() ?? "", claim?.StateCode));
        return Outcome.WrongAnswer;
    }

    /// <summary>Other ways in still open for the same person stop working once one is used.</summary>
    public static async Task ReplaceOthersAsync(IRegistryDbContext db, RecordClaim used, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var others = await db.RecordClaims.Where(c => c.PersonId == used.PersonId && c.Id != used.Id && c.UsedAt == null && c.ReplacedAt == null).ToListAsync(cancellationToken);
        foreach (var other in others) other.Replace(now);
    }
}

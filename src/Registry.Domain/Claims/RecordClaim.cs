using System.Security.Cryptography;
using System.Text;
using Registry.Domain.Common;
using Registry.Domain.Jurisdictions;

namespace Registry.Domain.Claims;

public enum ClaimKind
{
    /// <summary>An e-mailed link, sent to the address on the record.</summary>
    Invitation,

    /// <summary>A code staff give a holder without an e-mail, by phone or letter.</summary>
    Code,
}

/// <summary>
/// A holder's one way into a record the registry holds for them without an account (an imported register): an
/// e-mailed invitation link or a code from staff. Only the secret's SHA-256 hash is kept (the secret is random, so a
/// fast hash is enough); it expires, works once, stops after <see cref="MaxWrongAnswers"/> wrong dates of birth, and
/// a newer one for the same person replaces it.
/// </summary>
public sealed class RecordClaim
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);
    public const int MaxWrongAnswers = 5;

    /// <summary>Letters and digits that cannot be mistaken for each other when read aloud or from a letter.</summary>
    private const string CodeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private const int CodeLength = 12;

    private RecordClaim() { }

    public Guid Id { get; private set; }
    public ClaimKind Kind { get; private set; }
    public Guid PersonId { get; private set; }
    public Guid CredentialId { get; private set; }
    public StateCode StateCode { get; private set; }

    /// <summary>Where an invitation was sent; null for a code.</summary>
    public string? Email { get; private set; }

    public string TokenHash { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public Guid? CreatedByUserId { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? UsedAt { get; private set; }
    public DateTimeOffset? ReplacedAt { get; private set; }
    public int WrongAnswers { get; private set; }

    /// <summary>An invitation to the e-mail on the record; <paramref name="token"/> (for the link) is the only time the secret is seen.</summary>
    public static RecordClaim Invite(Guid personId, Guid credentialId, StateCode state, string email, Guid? byUserId, DateTimeOffset at, out string token)
    {
        if (string.IsNullOrWhiteSpace(email)) throw new DomainRuleException("An invitation needs the e-mail address on the record.");
        token = Base64Url(RandomNumberGenerator.GetBytes(32));
        return New(ClaimKind.Invitation, personId, credentialId, state, email.Trim(), byUserId, at, token);
    }

    /// <summary>A code for staff to give the holder; <paramref name="code"/> is shown once and never again.</summary>
    public static RecordClaim IssueCode(Guid personId, Guid credentialId, StateCode state, Guid byUserId, DateTimeOffset at, out string code)
    {
        var letters = RandomNumberGenerator.GetItems<char>(CodeAlphabet, CodeLength);
        code = string.Join('-', letters.Chunk(4).Select(group => new string(group)));
        return New(ClaimKind.Code, personId, credentialId, state, null, byUserId, at, code);
    }

    public bool IsUsable(DateTimeOffset now) => UsedAt is null && ReplacedAt is null && now < ExpiresAt && WrongAnswers < MaxWrongAnswers;

    public void Use(DateTimeOffset now)
    {
        EnsureUsable(now);
        UsedAt = now;
    }

    public void EnsureUsable(DateTimeOffset now)
    {
        if (!IsUsable(now)) throw new DomainRuleException(NotUsable);
    }

    /// <summary>One answer for a used, expired, replaced or locked link or code: which it was helps no one guessing.</summary>
    public const string NotUsable = "This link or code no longer works. Ask your state's board for a new one.";

    /// <summary>A wrong date of birth: counted, and enough of them end the claim.</summary>
    public void RecordWrongAnswer() => WrongAnswers++;

    public void Replace(DateTimeOffset now)
    {
        if (UsedAt is null && ReplacedAt is null) ReplacedAt = now;
    }

    /// <summary>
    /// The stored form of a presented link token or code: lower-case hex SHA-256 of its text with spaces and dashes
    /// removed and letters upper-cased for codes (a code read from a letter may be typed any way).
    /// </summary>
    public static string HashOf(ClaimKind kind, string secret)
    {
        var text = secret.Trim();
        if (kind == ClaimKind.Code) text = new string(text.Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private static RecordClaim New(ClaimKind kind, Guid personId, Guid credentialId, StateCode state, string? email, Guid? byUserId, DateTimeOffset at, string secret) => new()
    {
        Id = Guid.CreateVersion7(),
        Kind = kind,
        PersonId = personId,
        CredentialId = credentialId,
        StateCode = state,
        Email = email,
        TokenHash = HashOf(kind, secret),
        CreatedAt = at,
        CreatedByUserId = byUserId,
        ExpiresAt = at + Lifetime,
    };

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

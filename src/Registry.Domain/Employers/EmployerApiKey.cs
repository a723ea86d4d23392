using System.Security.Cryptography;
using System.Text;
using Registry.Domain.Common;

namespace Registry.Domain.Employers;

/// <summary>
/// A named key an employer's systems send as <c>X-Api-Key</c>. The key itself is shown once, when it is
/// made; only its SHA-256 hash is kept (the key is 32 random bytes, so a fast hash is enough), and the
/// short prefix lets people tell their keys apart.
/// </summary>
public sealed class EmployerApiKey
{
    public const string KeyStart = "psr_";
    public const int PrefixLength = 8;

    private EmployerApiKey() { }

    public Guid Id { get; private set; }
    public Guid EmployerId { get; private set; }
    public string Name { get; private set; } = "";

    /// <summary>The key's first characters after <see cref="KeyStart"/>, safe to show.</summary>
    public string Prefix { get; private set; } = "";
    public string KeyHash { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public Guid? CreatedByUserId { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public Guid? RevokedByUserId { get; private set; }

    public bool IsRevoked => RevokedAt is not null;

    /// <summary>Makes a key for an approved employer; <paramref name="key"/> is the only time the key is seen.</summary>
    public static EmployerApiKey Create(Employer employer, string name, Guid? createdByUserId, DateTimeOffset at, out string key)
    {
        if (!employer.IsApproved) throw new DomainRuleException($"{employer.Name} can make API keys once the registry has approved it.");
        if (string.IsNullOrWhiteSpace(name)) throw new DomainRuleException("Give the key a name, e.g. the system that will use it.");
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        key = KeyStart + secret;
        return new EmployerApiKey
        {
            Id = Guid.CreateVersion7(),
            EmployerId = employer.Id,
            Name = ReadableText.Normalise(name),
            Prefix = secret[..PrefixLength],
            KeyHash = HashOf(key),
            CreatedAt = at,
            CreatedByUserId = createdByUserId,
        };
    }

    public void Revoke(Guid? revokedByUserId, DateTimeOffset at)
    {
        if (IsRevoked) throw new DomainRuleException($"The key '{Name}' is already revoked.");
        RevokedAt = at;
        RevokedByUserId = revokedByUserId;
    }

    /// <summary>The stored form of a presented key: lower-case hex SHA-256 of its UTF-8 text.</summary>
    public static string HashOf(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key.Trim())));
}

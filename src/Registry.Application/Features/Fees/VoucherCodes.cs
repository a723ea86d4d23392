using System.Security.Cryptography;
using System.Text;

namespace Registry.Application.Features.Fees;

/// <summary>
/// Voucher codes as people read and type them: PF-7K3Q-9WXM, eight characters from an alphabet without look-alikes
/// (no 0/O, 1/I/L, U/V), drawn by the cryptographic generator. Only the SHA-256 of the eight characters is kept.
/// </summary>
public static class VoucherCodes
{
    public const string Prefix = "PF";
    public const int Length = 8;
    public const int LastCharacters = 4;
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTWXYZ";

    /// <summary>A new code, grouped for reading aloud.</summary>
    public static string New()
    {
        var characters = RandomNumberGenerator.GetString(Alphabet, Length);
        return $"{Prefix}-{characters[..4]}-{characters[4..]}";
    }

    /// <summary>The eight characters of what was typed (any case, spaces and dashes, with or without the prefix); null when it cannot be a code.</summary>
    public static string? Normalise(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed)) return null;
        var characters = new string(typed.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
        if (characters.Length == Length + Prefix.Length && characters.StartsWith(Prefix, StringComparison.Ordinal)) characters = characters[Prefix.Length..];
        return characters.Length == Length && characters.All(Alphabet.Contains) ? characters : null;
    }

    public static string Hash(string normalised) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(normalised)));

    public static string LastOf(string normalised) => normalised[^LastCharacters..];
}

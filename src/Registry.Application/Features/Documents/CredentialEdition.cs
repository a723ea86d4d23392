using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Registry.Application.Features.Documents;

/// <summary>
/// The edition of a credential's certificate and wallet card: a short code derived from everything they show (name,
/// number, program, state, dates, endorsements), printed on each and shown on the live public record. A renewal or a
/// name change gives a new code, so a printed copy whose code differs from the live record's is an outdated one; no
/// table keeps editions, since the code is the content.
/// </summary>
public static class CredentialEdition
{
    /// <summary>Crockford's base-32 digits: no I, L, O or U to mistake when read off paper.</summary>
    private const string Digits = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>Eight characters as XXXX-XXXX (40 bits of SHA-256 over the printed fields).</summary>
    public static string Of(string holderName, string number, string programName, string stateName, DateOnly issuedOn, DateOnly expiresOn,
        IReadOnlyList<string> endorsements)
    {
        var printed = string.Join("\n", [holderName, number, programName, stateName,
            issuedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), expiresOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), .. endorsements]);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(printed));
        var bits = 0UL;
        for (var i = 0; i < 5; i++) bits = bits << 8 | hash[i];
        var code = new char[8];
        for (var i = 7; i >= 0; i--, bits >>= 5) code[i] = Digits[(int)(bits & 31)];
        return $"{new string(code, 0, 4)}-{new string(code, 4, 4)}";
    }
}

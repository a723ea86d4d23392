namespace Registry.Domain.People;

/// <summary>
/// An individual National Provider Identifier: ten digits, the last a Luhn check digit computed over the nine before it
/// with the card-issuer prefix 80840 in front, as CMS specifies ("NPI Check Digit", CMS, 2008). Health plans verify a
/// peer's certification and NPI before paying for peer services.
/// </summary>
public sealed record Npi
{
    /// <summary>The Health Care Provider Taxonomy code for a peer specialist (Behavioral Health &amp; Social Service Providers).</summary>
    public const string PeerSpecialistTaxonomy = "175T00000X";

    private const string Prefix = "80840";

    private Npi(string value) => Value = value;

    public string Value { get; }

    /// <summary>An NPI from text, with spaces and hyphens allowed between the digits; null unless ten digits with a right check digit.</summary>
    public static bool TryParse(string? text, out Npi? npi)
    {
        var digits = new string((text ?? "").Where(c => c is not (' ' or '-')).ToArray());
        npi = digits.Length == 10 && digits.All(char.IsAsciiDigit) && (digits[0] is '1' or '2') && LuhnHolds(Prefix + digits) ? new Npi(digits) : null;
        return npi is not null;
    }

    /// <summary>The check digit the first nine digits of an NPI call for.</summary>
    public static int CheckDigitFor(string firstNineDigits)
    {
        if (firstNineDigits.Length != 9 || !firstNineDigits.All(char.IsAsciiDigit)) throw new ArgumentException("Nine digits are needed.", nameof(firstNineDigits));
        return (10 - LuhnSum(Prefix + firstNineDigits + "0") % 10) % 10;
    }

    public override string ToString() => Value;

    private static bool LuhnHolds(string digits) => LuhnSum(digits) % 10 == 0;

    /// <summary>The Luhn sum: from the right, every second digit doubled (less 9 when over 9).</summary>
    private static int LuhnSum(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var digit = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            sum += digit;
        }
        return sum;
    }
}

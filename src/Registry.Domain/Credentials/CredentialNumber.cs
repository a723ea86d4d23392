using System.Globalization;
using System.Text.RegularExpressions;
using Registry.Domain.Jurisdictions;

namespace Registry.Domain.Credentials;

/// <summary>A credential's public number, e.g. <c>TN-CPRS-000123</c>: state, program, six-digit sequence.</summary>
public sealed partial record CredentialNumber
{
    private CredentialNumber(string value) => Value = value;

    public string Value { get; }

    public static CredentialNumber Create(StateCode state, string programCode, int sequence)
    {
        if (sequence is < 1 or > 999_999) throw new ArgumentOutOfRangeException(nameof(sequence), "A credential sequence runs from 1 to 999999.");
        return new CredentialNumber(string.Create(CultureInfo.InvariantCulture, $"{state.Value}-{programCode.ToUpperInvariant()}-{sequence:D6}"));
    }

    public static bool TryParse(string? text, out CredentialNumber? number)
    {
        var candidate = text?.Trim().ToUpperInvariant() ?? "";
        number = Shape().IsMatch(candidate) ? new CredentialNumber(candidate) : null;
        return number is not null;
    }

    public override string ToString() => Value;

    [GeneratedRegex("^[A-Z]{2}-[A-Z0-9]{1,12}-[0-9]{6}$")]
    private static partial Regex Shape();
}

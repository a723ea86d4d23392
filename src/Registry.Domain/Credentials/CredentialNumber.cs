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

    /// <summary>
    /// A number from a state's earlier register for one program: the registry's own form for that program
    /// (<c>TN-CPRS-000123</c>) or its six-digit sequence as bare digits (<c>123</c>), which is put in that form.
    /// </summary>
    public static bool TryParseForProgram(string? text, StateCode state, string programCode, out CredentialNumber? number, out int sequence)
    {
        number = null;
        sequence = 0;
        var candidate = text?.Trim().ToUpperInvariant() ?? "";
        var prefix = $"{state.Value}-{programCode.ToUpperInvariant()}-";
        var digits = candidate.StartsWith(prefix, StringComparison.Ordinal) ? candidate[prefix.Length..] : candidate;
        if (digits.Length is 0 or > 6 || !digits.All(char.IsAsciiDigit)) return false;
        sequence = int.Parse(digits, CultureInfo.InvariantCulture);
        if (sequence < 1 || (digits.Length != 6 && candidate != digits)) return false;
        number = Create(state, programCode, sequence);
        return true;
    }

    /// <summary>The six-digit sequence at the end of the number.</summary>
    public int Sequence => int.Parse(Value[^6..], CultureInfo.InvariantCulture);

    public override string ToString() => Value;

    [GeneratedRegex("^[A-Z]{2}-[A-Z0-9]{1,12}-[0-9]{6}$")]
    private static partial Regex Shape();
}

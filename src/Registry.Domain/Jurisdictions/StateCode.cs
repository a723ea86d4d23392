namespace Registry.Domain.Jurisdictions;

/// <summary>A two-letter U.S. state or DC code, always upper case.</summary>
public readonly record struct StateCode
{
    public string Value { get; }

    private StateCode(string value) => Value = value;

    public static StateCode Parse(string? value) =>
        TryParse(value, out var code) ? code : throw new FormatException($"'{value}' is not a two-letter state code.");

    public static bool TryParse(string? value, out StateCode code)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 2 && trimmed.All(char.IsAsciiLetter))
        {
            code = new StateCode(trimmed.ToUpperInvariant());
            return true;
        }
        code = default;
        return false;
    }

    public override string ToString() => Value;
}

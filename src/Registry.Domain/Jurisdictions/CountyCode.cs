namespace Registry.Domain.Jurisdictions;

/// <summary>A county's five-digit FIPS code from the Census list the registry ships (<see cref="Counties"/>); the first two digits are the state's.</summary>
public readonly record struct CountyCode
{
    public string Value { get; }

    private CountyCode(string value) => Value = value;

    /// <summary>The state the county is in.</summary>
    public StateCode State => Counties.Find(this).State;

    public static CountyCode Parse(string? value) =>
        TryParse(value, out var code) ? code : throw new FormatException($"'{value}' is not the code of a county on the Census list.");

    /// <summary>Only five digits that name a county on the list are a county code.</summary>
    public static bool TryParse(string? value, out CountyCode code)
    {
        var trimmed = value?.Trim() ?? "";
        code = trimmed.Length == 5 && trimmed.All(char.IsAsciiDigit) && Counties.IsListed(trimmed) ? new CountyCode(trimmed) : default;
        return code.Value is not null;
    }

    // The list itself is read through this, before it can be looked up.
    internal static CountyCode FromList(string value) => new(value);

    public override string ToString() => Value;
}

using System.Globalization;
using System.Text;

namespace Registry.Domain.Jurisdictions;

/// <summary>One county or county equivalent (parish, borough, census area, independent city, municipio) on the Census list.</summary>
public sealed record County(CountyCode Code, StateCode State, string Name)
{
    /// <summary>The name with its state, for lists that span states: "Travis County, TX".</summary>
    public string Label => $"{Name}, {State}";

    /// <summary>An independent city, which shares its name with a county of the same state (Baltimore city and Baltimore County).</summary>
    public bool IsCity => Name.EndsWith(" city", StringComparison.Ordinal);
}

/// <summary>
/// The 2020 Census list of counties, shipped with the registry (Jurisdictions/counties.csv), loaded once.
/// Free text from before counties were codes is matched to a code within its state by <see cref="Match"/>.
/// </summary>
public static class Counties
{
    private static readonly Lazy<List<County>> List = new(Load);
    private static readonly Lazy<Dictionary<string, County>> ByCode = new(() => List.Value.ToDictionary(c => c.Code.Value, StringComparer.Ordinal));
    private static readonly Lazy<ILookup<StateCode, County>> ByState = new(() => List.Value.ToLookup(c => c.State));
    private static readonly Lazy<ILookup<(StateCode, string), County>> ByKey = new(() => List.Value
        .SelectMany(c => Keys(Key(c.Name)).Select(key => (c, key)))
        .Distinct()
        .ToLookup(x => (x.c.State, x.key), x => x.c));

    // Longest first, so "City and Borough" goes before "Borough" and "city".
    private static readonly string[] Suffixes = ["cityandborough", "censusarea", "municipality", "municipio", "district", "borough", "county", "parish", "island", "city"];

    private static readonly Dictionary<string, string> Abbreviations = new(StringComparer.Ordinal)
    {
        ["st"] = "saint", ["ste"] = "sainte", ["co"] = "county", ["ft"] = "fort", ["mt"] = "mount",
    };

    public static IReadOnlyList<County> All => List.Value;

    public static County Find(CountyCode code) => ByCode.Value[code.Value];

    /// <summary>The counties of a state, by name.</summary>
    public static IReadOnlyList<County> In(StateCode state) => [.. ByState.Value[state]];

    /// <summary>The county's name within its state's own sheet or page: "Travis County".</summary>
    public static string Name(CountyCode code) => Find(code).Name;

    /// <summary>The county's name with its state: "Travis County, TX".</summary>
    public static string Label(CountyCode code) => Find(code).Label;

    internal static bool IsListed(string code) => ByCode.Value.ContainsKey(code);

    /// <summary>
    /// The county of <paramref name="state"/> that free text names, or null when it names none or several.
    /// Case, spaces, punctuation and accents do not count, nor a "County", "Parish", "Borough", "Census Area" or "city" suffix;
    /// "St." is "Saint" and "Co." is "County". A bare name shared by a county and an independent city is the county:
    /// "St. Louis" is St. Louis County, "St. Louis City" the city.
    /// </summary>
    public static CountyCode? Match(StateCode state, string? text)
    {
        var key = Key(text);
        if (key.Length == 0) return null;
        var found = Keys(key).Select(k => ByKey.Value[(state, k)].ToList()).FirstOrDefault(f => f.Count > 0) ?? [];
        if (found.Count > 1) found = [.. found.Where(c => !c.IsCity)];
        return found.Count == 1 ? found[0].Code : null;
    }

    // A name answers to itself and to itself without each suffix in turn: "Kodiak Island Borough", "Kodiak Island", "Kodiak".
    private static IEnumerable<string> Keys(string key)
    {
        for (string? k = key; k is not null; k = Without(k))
            yield return k;
    }

    private static string? Without(string key) =>
        Suffixes.FirstOrDefault(s => key.Length > s.Length && key.EndsWith(s, StringComparison.Ordinal)) is { } suffix ? key[..^suffix.Length] : null;

    private static string Key(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var letters = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            letters.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }
        var words = letters.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => Abbreviations.GetValueOrDefault(w, w));
        return string.Concat(words);
    }

    private static List<County> Load()
    {
        using var stream = typeof(Counties).Assembly.GetManifestResourceStream("Registry.Domain.Jurisdictions.counties.csv")
            ?? throw new InvalidOperationException("The county list is missing from the build.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var counties = new List<County>();
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith('#') || line.StartsWith("fips,", StringComparison.Ordinal) || line.Length == 0) continue;
            var fields = line.Split(',');
            counties.Add(new County(CountyCode.FromList(fields[0]), StateCode.Parse(fields[1]), fields[2]));
        }
        return [.. counties.OrderBy(c => c.State.Value, StringComparer.Ordinal).ThenBy(c => c.Name, StringComparer.Ordinal)];
    }
}

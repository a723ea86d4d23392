namespace Registry.Domain.Jurisdictions;

/// <summary>The codes a jurisdiction may have (the states, DC and the territories) and the time zones their boards sit in.</summary>
public static class UnitedStates
{
    public static readonly IReadOnlySet<string> Codes = new HashSet<string>(StringComparer.Ordinal)
    {
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD",
        "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC",
        "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY",
        "DC", "PR", "GU", "VI", "AS", "MP",
    };

    /// <summary>IANA ids with the name people know them by, east to west.</summary>
    public static readonly IReadOnlyList<(string Id, string Name)> TimeZones =
    [
        ("America/Puerto_Rico", "Atlantic (Puerto Rico, U.S. Virgin Islands)"),
        ("America/New_York", "Eastern"),
        ("America/Detroit", "Eastern (Michigan)"),
        ("America/Indiana/Indianapolis", "Eastern (Indiana)"),
        ("America/Kentucky/Louisville", "Eastern (Kentucky)"),
        ("America/Chicago", "Central"),
        ("America/Denver", "Mountain"),
        ("America/Boise", "Mountain (Idaho)"),
        ("America/Phoenix", "Mountain, no daylight saving (Arizona)"),
        ("America/Los_Angeles", "Pacific"),
        ("America/Anchorage", "Alaska"),
        ("Pacific/Honolulu", "Hawaii"),
        ("Pacific/Guam", "Chamorro (Guam, Northern Mariana Islands)"),
        ("Pacific/Pago_Pago", "Samoa (American Samoa)"),
    ];

    public static bool IsTimeZone(string? id) => TimeZones.Any(z => z.Id == id?.Trim()) && RegistryDay.IsTimeZone(id!.Trim());
}

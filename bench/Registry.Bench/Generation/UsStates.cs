namespace Registry.Bench.Generation;

/// <summary>
/// A state or DC with a rough population (for weighting where people live), one real city for addresses, and the
/// IANA time zone of its capital (where its board sits), in which its credentials' dates are days.
/// </summary>
public sealed record UsState(string Code, string Name, double PopulationMillions, string City, string County, string ZipPrefix, string TimeZone);

public static class UsStates
{
    /// <summary>Largest first, so a small <c>--states</c> still gets the big registries.</summary>
    public static readonly IReadOnlyList<UsState> ByPopulation =
    [
        new("CA", "California", 39.0, "Sacramento", "Sacramento", "958", "America/Los_Angeles"),
        new("TX", "Texas", 30.5, "Austin", "Travis", "787", "America/Chicago"),
        new("FL", "Florida", 22.6, "Tampa", "Hillsborough", "336", "America/New_York"),
        new("NY", "New York", 19.6, "Albany", "Albany", "122", "America/New_York"),
        new("PA", "Pennsylvania", 13.0, "Harrisburg", "Dauphin", "171", "America/New_York"),
        new("IL", "Illinois", 12.5, "Springfield", "Sangamon", "627", "America/Chicago"),
        new("OH", "Ohio", 11.8, "Columbus", "Franklin", "432", "America/New_York"),
        new("GA", "Georgia", 11.0, "Atlanta", "Fulton", "303", "America/New_York"),
        new("NC", "North Carolina", 10.8, "Raleigh", "Wake", "276", "America/New_York"),
        new("MI", "Michigan", 10.0, "Lansing", "Ingham", "489", "America/Detroit"),
        new("NJ", "New Jersey", 9.3, "Trenton", "Mercer", "086", "America/New_York"),
        new("VA", "Virginia", 8.7, "Richmond", "Richmond City", "232", "America/New_York"),
        new("WA", "Washington", 7.8, "Olympia", "Thurston", "985", "America/Los_Angeles"),
        new("AZ", "Arizona", 7.4, "Phoenix", "Maricopa", "850", "America/Phoenix"),
        new("TN", "Tennessee", 7.1, "Nashville", "Davidson", "372", "America/Chicago"),
        new("MA", "Massachusetts", 7.0, "Boston", "Suffolk", "021", "America/New_York"),
        new("IN", "Indiana", 6.9, "Indianapolis", "Marion", "462", "America/Indiana/Indianapolis"),
        new("MO", "Missouri", 6.2, "Jefferson City", "Cole", "651", "America/Chicago"),
        new("MD", "Maryland", 6.2, "Annapolis", "Anne Arundel", "214", "America/New_York"),
        new("WI", "Wisconsin", 5.9, "Madison", "Dane", "537", "America/Chicago"),
        new("CO", "Colorado", 5.9, "Denver", "Denver", "802", "America/Denver"),
        new("MN", "Minnesota", 5.7, "Saint Paul", "Ramsey", "551", "America/Chicago"),
        new("SC", "South Carolina", 5.4, "Columbia", "Richland", "292", "America/New_York"),
        new("AL", "Alabama", 5.1, "Montgomery", "Montgomery", "361", "America/Chicago"),
        new("LA", "Louisiana", 4.6, "Baton Rouge", "East Baton Rouge", "708", "America/Chicago"),
        new("KY", "Kentucky", 4.5, "Frankfort", "Franklin", "406", "America/New_York"),
        new("OR", "Oregon", 4.2, "Salem", "Marion", "973", "America/Los_Angeles"),
        new("OK", "Oklahoma", 4.1, "Oklahoma City", "Oklahoma", "731", "America/Chicago"),
        new("CT", "Connecticut", 3.6, "Hartford", "Hartford", "061", "America/New_York"),
        new("UT", "Utah", 3.4, "Salt Lake City", "Salt Lake", "841", "America/Denver"),
        new("IA", "Iowa", 3.2, "Des Moines", "Polk", "503", "America/Chicago"),
        new("NV", "Nevada", 3.2, "Carson City", "Carson City", "897", "America/Los_Angeles"),
        new("AR", "Arkansas", 3.1, "Little Rock", "Pulaski", "722", "America/Chicago"),
        new("MS", "Mississippi", 2.9, "Jackson", "Hinds", "392", "America/Chicago"),
        new("KS", "Kansas", 2.9, "Topeka", "Shawnee", "666", "America/Chicago"),
        new("NM", "New Mexico", 2.1, "Santa Fe", "Santa Fe", "875", "America/Denver"),
        new("NE", "Nebraska", 2.0, "Lincoln", "Lancaster", "685", "America/Chicago"),
        new("ID", "Idaho", 2.0, "Boise", "Ada", "837", "America/Boise"),
        new("WV", "West Virginia", 1.8, "Charleston", "Kanawha", "253", "America/New_York"),
        new("HI", "Hawaii", 1.4, "Honolulu", "Honolulu", "968", "Pacific/Honolulu"),
        new("NH", "New Hampshire", 1.4, "Concord", "Merrimack", "033", "America/New_York"),
        new("ME", "Maine", 1.4, "Augusta", "Kennebec", "043", "America/New_York"),
        new("MT", "Montana", 1.1, "Helena", "Lewis and Clark", "596", "America/Denver"),
        new("RI", "Rhode Island", 1.1, "Providence", "Providence", "029", "America/New_York"),
        new("DE", "Delaware", 1.0, "Dover", "Kent", "199", "America/New_York"),
        new("SD", "South Dakota", 0.9, "Pierre", "Hughes", "575", "America/Chicago"),
        new("ND", "North Dakota", 0.8, "Bismarck", "Burleigh", "585", "America/Chicago"),
        new("AK", "Alaska", 0.7, "Juneau", "Juneau", "998", "America/Juneau"),
        new("DC", "District of Columbia", 0.7, "Washington", "District of Columbia", "200", "America/New_York"),
        new("VT", "Vermont", 0.6, "Montpelier", "Washington", "056", "America/New_York"),
        new("WY", "Wyoming", 0.6, "Cheyenne", "Laramie", "820", "America/Denver"),
    ];
}

namespace Registry.Bench.Generation;

/// <summary>A state or DC with a rough population (for weighting where people live) and one real city for addresses.</summary>
public sealed record UsState(string Code, string Name, double PopulationMillions, string City, string County, string ZipPrefix);

public static class UsStates
{
    /// <summary>Largest first, so a small <c>--states</c> still gets the big registries.</summary>
    public static readonly IReadOnlyList<UsState> ByPopulation =
    [
        new("CA", "California", 39.0, "Sacramento", "Sacramento", "958"),
        new("TX", "Texas", 30.5, "Austin", "Travis", "787"),
        new("FL", "Florida", 22.6, "Tampa", "Hillsborough", "336"),
        new("NY", "New York", 19.6, "Albany", "Albany", "122"),
        new("PA", "Pennsylvania", 13.0, "Harrisburg", "Dauphin", "171"),
        new("IL", "Illinois", 12.5, "Springfield", "Sangamon", "627"),
        new("OH", "Ohio", 11.8, "Columbus", "Franklin", "432"),
        new("GA", "Georgia", 11.0, "Atlanta", "Fulton", "303"),
        new("NC", "North Carolina", 10.8, "Raleigh", "Wake", "276"),
        new("MI", "Michigan", 10.0, "Lansing", "Ingham", "489"),
        new("NJ", "New Jersey", 9.3, "Trenton", "Mercer", "086"),
        new("VA", "Virginia", 8.7, "Richmond", "Richmond City", "232"),
        new("WA", "Washington", 7.8, "Olympia", "Thurston", "985"),
        new("AZ", "Arizona", 7.4, "Phoenix", "Maricopa", "850"),
        new("TN", "Tennessee", 7.1, "Nashville", "Davidson", "372"),
        new("MA", "Massachusetts", 7.0, "Boston", "Suffolk", "021"),
        new("IN", "Indiana", 6.9, "Indianapolis", "Marion", "462"),
        new("MO", "Missouri", 6.2, "Jefferson City", "Cole", "651"),
        new("MD", "Maryland", 6.2, "Annapolis", "Anne Arundel", "214"),
        new("WI", "Wisconsin", 5.9, "Madison", "Dane", "537"),
        new("CO", "Colorado", 5.9, "Denver", "Denver", "802"),
        new("MN", "Minnesota", 5.7, "Saint Paul", "Ramsey", "551"),
        new("SC", "South Carolina", 5.4, "Columbia", "Richland", "292"),
        new("AL", "Alabama", 5.1, "Montgomery", "Montgomery", "361"),
        new("LA", "Louisiana", 4.6, "Baton Rouge", "East Baton Rouge", "708"),
        new("KY", "Kentucky", 4.5, "Frankfort", "Franklin", "406"),
        new("OR", "Oregon", 4.2, "Salem", "Marion", "973"),
        new("OK", "Oklahoma", 4.1, "Oklahoma City", "Oklahoma", "731"),
        new("CT", "Connecticut", 3.6, "Hartford", "Hartford", "061"),
        new("UT", "Utah", 3.4, "Salt Lake City", "Salt Lake", "841"),
        new("IA", "Iowa", 3.2, "Des Moines", "Polk", "503"),
        new("NV", "Nevada", 3.2, "Carson City", "Carson City", "897"),
        new("AR", "Arkansas", 3.1, "Little Rock", "Pulaski", "722"),
        new("MS", "Mississippi", 2.9, "Jackson", "Hinds", "392"),
        new("KS", "Kansas", 2.9, "Topeka", "Shawnee", "666"),
        new("NM", "New Mexico", 2.1, "Santa Fe", "Santa Fe", "875"),
        new("NE", "Nebraska", 2.0, "Lincoln", "Lancaster", "685"),
        new("ID", "Idaho", 2.0, "Boise", "Ada", "837"),
        new("WV", "West Virginia", 1.8, "Charleston", "Kanawha", "253"),
        new("HI", "Hawaii", 1.4, "Honolulu", "Honolulu", "968"),
        new("NH", "New Hampshire", 1.4, "Concord", "Merrimack", "033"),
        new("ME", "Maine", 1.4, "Augusta", "Kennebec", "043"),
        new("MT", "Montana", 1.1, "Helena", "Lewis and Clark", "596"),
        new("RI", "Rhode Island", 1.1, "Providence", "Providence", "029"),
        new("DE", "Delaware", 1.0, "Dover", "Kent", "199"),
        new("SD", "South Dakota", 0.9, "Pierre", "Hughes", "575"),
        new("ND", "North Dakota", 0.8, "Bismarck", "Burleigh", "585"),
        new("AK", "Alaska", 0.7, "Juneau", "Juneau", "998"),
        new("DC", "District of Columbia", 0.7, "Washington", "District of Columbia", "200"),
        new("VT", "Vermont", 0.6, "Montpelier", "Washington", "056"),
        new("WY", "Wyoming", 0.6, "Cheyenne", "Laramie", "820"),
    ];
}

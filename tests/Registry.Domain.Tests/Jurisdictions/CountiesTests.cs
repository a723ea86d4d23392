using Registry.Domain.Jurisdictions;

namespace Registry.Domain.Tests.Jurisdictions;

public class CountiesTests
{
    private static readonly StateCode TX = StateCode.Parse("TX");

    [Fact]
    public void The_list_holds_the_2020_Census_counties_and_equivalents_of_every_jurisdiction()
    {
        Assert.Equal(3234, Counties.All.Count);
        Assert.Equal(Counties.All.Count, Counties.All.Select(c => c.Code).Distinct().Count());
        Assert.All(UnitedStates.Codes, code => Assert.NotEmpty(Counties.In(StateCode.Parse(code))));
        Assert.All(Counties.All, c => Assert.Contains(c.State.Value, UnitedStates.Codes));
    }

    [Theory]
    [InlineData("48453", "TX", "Travis County")]
    [InlineData("24510", "MD", "Baltimore city")]
    [InlineData("24005", "MD", "Baltimore County")]
    [InlineData("29510", "MO", "St. Louis city")]
    [InlineData("29189", "MO", "St. Louis County")]
    [InlineData("02158", "AK", "Kusilvak Census Area")]
    [InlineData("46102", "SD", "Oglala Lakota County")]
    [InlineData("02063", "AK", "Chugach Census Area")]
    [InlineData("02066", "AK", "Copper River Census Area")]
    [InlineData("11001", "DC", "District of Columbia")]
    [InlineData("22071", "LA", "Orleans Parish")]
    public void Known_codes_name_their_county_and_state(string code, string state, string name)
    {
        var county = Counties.Find(CountyCode.Parse(code));
        Assert.Equal(state, county.State.Value);
        Assert.Equal(name, county.Name);
        Assert.Equal(state, CountyCode.Parse(code).State.Value);
    }

    [Theory]
    [InlineData("02270")]
    [InlineData("46113")]
    [InlineData("51515")]
    [InlineData("02261")]
    [InlineData("4845")]
    [InlineData("48453 ")]
    [InlineData("4845x")]
    [InlineData("99999")]
    [InlineData(null)]
    public void Codes_that_are_not_on_the_2020_list_are_refused(string? text)
    {
        if (text == "48453 ") { Assert.True(CountyCode.TryParse(text, out _)); return; }
        Assert.False(CountyCode.TryParse(text, out _));
        Assert.Throws<FormatException>(() => CountyCode.Parse(text));
    }

    [Fact]
    public void A_label_names_the_state_for_lists_that_span_states()
    {
        var travis = CountyCode.Parse("48453");
        Assert.Equal("Travis County, TX", Counties.Label(travis));
        Assert.Equal("Travis County", Counties.Name(travis));
    }

    [Fact]
    public void A_states_counties_come_in_name_order()
    {
        var texas = Counties.In(TX);
        Assert.Equal(254, texas.Count);
        Assert.Equal(texas.Select(c => c.Name).Order(StringComparer.Ordinal), texas.Select(c => c.Name));
    }

    [Theory]
    [InlineData("TX", "Travis County", "48453")]
    [InlineData("TX", "travis", "48453")]
    [InlineData("TX", "  TRAVIS  county ", "48453")]
    [InlineData("TX", "Travis Co.", "48453")]
    [InlineData("TX", "Travis Co", "48453")]
    [InlineData("TX", "Fort Bend", "48157")]
    [InlineData("TX", "Ft. Bend County", "48157")]
    [InlineData("TX", "La Salle", "48283")]
    [InlineData("TX", "LaSalle County", "48283")]
    [InlineData("GA", "De Kalb", "13089")]
    [InlineData("GA", "DeKalb County", "13089")]
    [InlineData("LA", "Orleans", "22071")]
    [InlineData("LA", "Orleans Parish", "22071")]
    [InlineData("LA", "Orleans County", "22071")]
    [InlineData("LA", "St. Tammany Parish", "22103")]
    [InlineData("LA", "Saint Tammany", "22103")]
    [InlineData("AK", "Kodiak Island Borough", "02150")]
    [InlineData("AK", "Kodiak", "02150")]
    [InlineData("AK", "Juneau", "02110")]
    [InlineData("AK", "Bethel Census Area", "02050")]
    [InlineData("AK", "bethel", "02050")]
    [InlineData("MD", "Baltimore", "24005")]
    [InlineData("MD", "Baltimore County", "24005")]
    [InlineData("MD", "Baltimore City", "24510")]
    [InlineData("MD", "baltimore city", "24510")]
    [InlineData("MD", "Prince Georges", "24033")]
    [InlineData("MD", "Prince George's County", "24033")]
    [InlineData("MO", "St. Louis", "29189")]
    [InlineData("MO", "St Louis County", "29189")]
    [InlineData("MO", "Saint Louis", "29189")]
    [InlineData("MO", "St. Louis City", "29510")]
    [InlineData("MO", "Ste. Genevieve", "29186")]
    [InlineData("VA", "James City", "51095")]
    [InlineData("VA", "Fairfax", "51059")]
    [InlineData("VA", "Fairfax city", "51600")]
    [InlineData("NV", "Carson City", "32510")]
    [InlineData("NM", "Doña Ana", "35013")]
    [InlineData("DC", "District of Columbia", "11001")]
    public void Free_text_is_matched_to_a_county_of_its_state(string state, string text, string code)
    {
        Assert.Equal(CountyCode.Parse(code), Counties.Match(StateCode.Parse(state), text));
    }

    [Fact]
    public void Every_countys_own_name_matches_its_code()
    {
        Assert.All(Counties.All, c => Assert.Equal(c.Code, Counties.Match(c.State, c.Name)));
    }

    [Theory]
    [InlineData("TX", "")]
    [InlineData("TX", "   ")]
    [InlineData("TX", null)]
    [InlineData("TX", "Travis Citty")]
    [InlineData("TX", "Shelby-ville")]
    [InlineData("TN", "Travis")]
    [InlineData("TX", "County")]
    public void Text_that_names_no_county_of_the_state_is_not_matched(string state, string? text)
    {
        Assert.Null(Counties.Match(StateCode.Parse(state), text));
    }
}

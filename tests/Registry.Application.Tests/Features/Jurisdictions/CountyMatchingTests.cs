using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Features.Jurisdictions;
using Registry.Domain.Applications;
using Registry.Domain.Credentials;
using Registry.Domain.Jurisdictions;
using Registry.Domain.People;
using Registry.Infrastructure.Persistence;
using Registry.Testing;

namespace Registry.Application.Tests.Features.Jurisdictions;

public sealed class CountyMatchingTests(SliceFixture fixture) : SliceTest(fixture)
{
    private static Person LivingIn(string first, string state, string county)
    {
        var person = TestData.Person(first, "Legacy");
        person.UpdateContact(null, null, new PostalAddress("1 Main St", null, "Town", county, StateCode.Parse(state), "00000"));
        return person;
    }

    [Fact]
    public async Task Counties_given_as_text_are_matched_to_codes_and_those_that_match_none_are_listed_for_their_states_staff()
    {
        var missouri = TestData.State("MO", "Missouri");
        var texas = TestData.State("TX", "Texas");
        var city = LivingIn("Cam", "MO", "St. Louis City");
        var county = LivingIn("Dee", "MO", "saint louis");
        var typo = LivingIn("Eli", "MO", "St. Lewis");
        var texan = LivingIn("Fay", "TX", "Travis Countyy");
        var coded = TestData.Person("Gus", "Coded");
        coded.UpdateContact(null, null, PostalAddress.InCounty("1 Main St", null, "Austin", CountyCode.Parse("48453"), "78701"));
        await Fixture.InsertAsync(missouri, texas, city, county, typo, texan, coded,
            Credential.Issue(missouri.Programs[0], typo.Id, new DateOnly(2024, 1, 15), Guid.NewGuid(), Now),
            CertificationApplication.Start(texan.Id, texas.Programs[0].Id, ApplicationType.Initial, Guid.NewGuid(), Now));

        var matched = await Fixture.RunAsync<CountyTextMatching, int>(m => m.MatchAsync());
        var again = await Fixture.RunAsync<CountyTextMatching, int>(m => m.MatchAsync());

        Assert.Equal(4, matched); // two addresses and their two residence entries
        Assert.Equal(0, again);
        var codes = await Fixture.QueryAsync(db => db.People.AsNoTracking().ToDictionaryAsync(p => p.LegalFirstName, p => p.MailingAddress!.CountyCode?.Value));
        Assert.Equal(("29510", "29189", null, null, "48453"), (codes["Cam"], codes["Dee"], codes["Eli"], codes["Fay"], codes["Gus"]));
        var residences = await Fixture.QueryAsync(db => db.Set<ResidenceChange>().AsNoTracking().Where(r => r.PersonId == city.Id || r.PersonId == typo.Id)
            .ToDictionaryAsync(r => r.PersonId, r => r.CountyCode));
        Assert.Equal((CountyCode.Parse("29510"), (CountyCode?)null), (residences[city.Id], residences[typo.Id]));
        var kept = await Fixture.QueryAsync(db => db.People.AsNoTracking().Where(p => p.Id == county.Id).Select(p => p.MailingAddress!.County).SingleAsync());
        Assert.Equal("saint louis", kept);

        var forMissouri = await Fixture.SendAsync(new ListUnmatchedCounties.Query(), TestUsers.StateAdmin("MO"));
        var forTexas = await Fixture.SendAsync(new ListUnmatchedCounties.Query("MO"), TestUsers.StateAdmin("TX"));
        var forEveryone = await Fixture.SendAsync(new ListUnmatchedCounties.Query(), TestUsers.SystemAdmin());
        var forOneState = await Fixture.SendAsync(new ListUnmatchedCounties.Query("TX"), TestUsers.SystemAdmin());

        Assert.Equal(new ListUnmatchedCounties.Model(typo.Id, "Eli Legacy", "St. Lewis", "MO"), Assert.Single(forMissouri.People));
        Assert.Equal(new ListUnmatchedCounties.Model(texan.Id, "Fay Legacy", "Travis Countyy", "TX"), Assert.Single(forTexas.People));
        Assert.Equal(["Eli Legacy", "Fay Legacy"], forEveryone.People.Select(p => p.Name));
        Assert.Equal(["Fay Legacy"], forOneState.People.Select(p => p.Name));
        Assert.False(forEveryone.More);
    }

    [Fact]
    public async Task More_people_with_one_spelling_than_are_saved_at_once_are_all_matched()
    {
        var tennessee = TestData.State("TN", "Tennessee");
        var people = Enumerable.Range(0, 2_050).Select(i => LivingIn($"P{i}", "TN", "davidson")).ToArray();
        await Fixture.InsertAsync([tennessee, .. people]);

        var matched = await Fixture.RunAsync<CountyTextMatching, int>(m => m.MatchAsync());

        Assert.Equal(2 * people.Length, matched); // each address and its residence entry
        var codes = await Fixture.QueryAsync(db => db.People.AsNoTracking().GroupBy(p => p.MailingAddress!.CountyCode).Select(g => new { g.Key, Count = g.Count() }).ToListAsync());
        Assert.Equal((CountyCode.Parse("47037"), people.Length), (Assert.Single(codes).Key, codes[0].Count));
    }

    [Fact]
    public async Task The_list_stops_at_its_limit_and_says_more_are_left()
    {
        var people = Enumerable.Range(0, ListUnmatchedCounties.Limit + 1).Select(i => LivingIn($"P{i:D4}", "TN", "Nowhere Parish")).ToArray();
        await Fixture.InsertAsync(people);

        var listed = await Fixture.SendAsync(new ListUnmatchedCounties.Query(), TestUsers.SystemAdmin());

        Assert.True(listed.More);
        Assert.Equal(people.Take(ListUnmatchedCounties.Limit).Select(p => p.Id).Order(), listed.People.Select(p => p.PersonId).Order());
    }

    [Fact]
    public async Task Only_administrators_see_the_counties_to_fix()
    {
        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.SendAsync(new ListUnmatchedCounties.Query(), TestUsers.Reviewer("TN")));
        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.SendAsync(new ListUnmatchedCounties.Query(), TestUsers.Applicant(Guid.NewGuid())));
    }
}

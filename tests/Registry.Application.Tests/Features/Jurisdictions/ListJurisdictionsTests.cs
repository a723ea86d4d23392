using AutoMapper;
using Registry.Application.Features.Jurisdictions;
using Registry.Testing;

namespace Registry.Application.Tests.Features.Jurisdictions;

public sealed class ListJurisdictionsTests(SliceFixture fixture) : SliceTest(fixture)
{
    [Fact]
    public async Task Anyone_sees_the_states_and_their_programs_in_name_order()
    {
        await Fixture.InsertAsync(TestData.State("TX", "Texas", "PS"), TestData.State("PA", "Pennsylvania", "CPS"));

        var states = await Fixture.SendAsync(new ListJurisdictions.Query(), TestUsers.Anonymous);

        Assert.Equal(["Pennsylvania", "Texas"], states.Select(s => s.Name));
        Assert.Equal("PA", states[0].Code);
        Assert.Equal("CPS", Assert.Single(states[0].Programs).Code);
    }

    [Fact]
    public void The_mapping_configuration_is_valid()
    {
        Fixture.GetService<IConfigurationProvider>().AssertConfigurationIsValid();
    }
}

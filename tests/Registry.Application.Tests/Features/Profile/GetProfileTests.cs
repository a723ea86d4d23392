using Registry.Application.Common.Exceptions;
using Registry.Application.Features.Profiles;
using Registry.Domain.Jurisdictions;
using Registry.Domain.People;
using Registry.Testing;

namespace Registry.Application.Tests.Features.Profile;

public sealed class GetProfileTests(SliceFixture fixture) : SliceTest(fixture)
{
    [Fact]
    public async Task An_applicant_reads_their_own_profile_private_details_included()
    {
        var person = TestData.Person("Avery", "Stone");
        person.UpdateContact("412-555-0199", new DateOnly(1979, 11, 3), PostalAddress.InCounty("5 Market St", null, "Harrisburg", CountyCode.Parse("42043"), "17101"));
        await Fixture.InsertAsync(person, TestData.Person("Someone", "Else"));

        var profile = await Fixture.SendAsync(new GetProfile.Query(), TestUsers.Applicant(person.Id));

        Assert.Equal(("Avery", "Stone", person.Email), (profile.LegalFirstName, profile.LegalLastName, profile.Email));
        Assert.Equal((new DateOnly(1979, 11, 3), "PA", "Dauphin County", "42043"), (profile.DateOfBirth, profile.State, profile.County, profile.CountyCode));
    }

    [Fact]
    public async Task Only_signed_in_applicants_have_a_profile()
    {
        await Assert.ThrowsAsync<UnauthenticatedException>(() => Fixture.SendAsync(new GetProfile.Query(), TestUsers.Anonymous));
        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.SendAsync(new GetProfile.Query(), TestUsers.SystemAdmin()));
    }
}

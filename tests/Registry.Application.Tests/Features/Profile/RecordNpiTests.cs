using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Features.Profiles;
using Registry.Domain.People;
using Registry.Testing;

namespace Registry.Application.Tests.Features.Profile;

public sealed class RecordNpiTests(SliceFixture fixture) : SliceTest(fixture)
{
    private Task<Person> ReloadAsync(Guid id) => Fixture.QueryAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Id == id));

    [Fact]
    public async Task A_holder_records_their_npi_with_the_taxonomy_then_clears_it_and_each_change_is_audited()
    {
        var person = TestData.Person();
        await Fixture.InsertAsync(person);
        var holder = TestUsers.Applicant(person.Id);

        var model = await Fixture.SendAsync(new RecordNpi.Command { Npi = "123 456 7893", PeerSpecialistTaxonomy = true }, holder);

        Assert.Equal(("1234567893", true), (model.Npi, model.NpiHasPeerSpecialistTaxonomy));
        Assert.Equal(("1234567893", true), ((await ReloadAsync(person.Id)).Npi, (await ReloadAsync(person.Id)).NpiHasPeerSpecialistTaxonomy));
        Assert.Equal("1234567893", (await Fixture.SendAsync(new GetProfile.Query(), holder)).Npi);

        await Fixture.SendAsync(new RecordNpi.Command { Npi = " " }, holder);

        var cleared = await ReloadAsync(person.Id);
        Assert.Equal((null, false), (cleared.Npi, cleared.NpiHasPeerSpecialistTaxonomy));
        var audit = await Fixture.QueryAsync(db => db.AuditEntries.Where(a => a.Action == "RecordNpi").ToListAsync());
        Assert.Equal(2, audit.Count);
        Assert.Contains(audit, a => a.After is { } after && after.Contains("1234567893"));
    }

    [Theory]
    [InlineData("1234567890", false, "Npi")] // a wrong check digit
    [InlineData("123456789", false, "Npi")]
    [InlineData("12345678x3", false, "Npi")]
    [InlineData("", true, "PeerSpecialistTaxonomy")]
    public async Task A_wrong_npi_or_a_taxonomy_without_one_is_refused_with_a_field_error_and_changes_nothing(string npi, bool taxonomy, string field)
    {
        var person = TestData.Person();
        await Fixture.InsertAsync(person);

        var refused = await Assert.ThrowsAsync<ValidationException>(() =>
            Fixture.SendAsync(new RecordNpi.Command { Npi = npi, PeerSpecialistTaxonomy = taxonomy }, TestUsers.Applicant(person.Id)));

        Assert.Contains(refused.Errors, e => e.PropertyName == field);
        Assert.Null((await ReloadAsync(person.Id)).Npi);
    }
}

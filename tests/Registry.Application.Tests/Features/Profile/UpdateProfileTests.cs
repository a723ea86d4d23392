using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Features.Profiles;
using Registry.Domain.People;
using Registry.Testing;

namespace Registry.Application.Tests.Features.Profile;

public sealed class UpdateProfileTests(SliceFixture fixture) : SliceTest(fixture)
{
    private static UpdateProfile.Command Valid() => new()
    {
        LegalFirstName = " Robin ", LegalLastName = "Alvarez", PreferredName = "Rob", Phone = "615-555-0100", DateOfBirth = new DateOnly(1990, 2, 14),
        AddressLine1 = "12 Music Row", City = "Nashville", CountyCode = "47037", State = "tn", PostalCode = "37203",
    };

    private Task<Person> ReloadAsync(Guid id) => Fixture.QueryAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Id == id));

    [Fact]
    public async Task An_applicant_saves_their_profile_and_the_change_is_audited_as_UpdateProfile()
    {
        var person = TestData.Person();
        await Fixture.InsertAsync(person);

        var model = await Fixture.SendAsync(Valid(), TestUsers.Applicant(person.Id));

        Assert.Equal(("Robin", "TN", "37203"), (model.LegalFirstName, model.State, model.PostalCode));
        var saved = await ReloadAsync(person.Id);
        Assert.Equal(new DateOnly(1990, 2, 14), saved.DateOfBirth);
        Assert.Equal(("Davidson County", "47037"), (saved.MailingAddress!.County, saved.MailingAddress.CountyCode?.Value));
        var residence = await Fixture.QueryAsync(db => db.People.AsNoTracking().Where(p => p.Id == person.Id).SelectMany(p => p.ResidenceHistory).SingleAsync());
        Assert.Equal(("TN", "47037"), (residence.StateCode?.Value, residence.CountyCode?.Value));
        var audit = await Fixture.QueryAsync(db => db.AuditEntries.Where(a => a.Action == "UpdateProfile").ToListAsync());
        var entry = Assert.Single(audit);
        Assert.Equal(person.Id.ToString(), entry.EntityId);
        Assert.Contains("1990-02-14", entry.After);
    }

    [Fact]
    public async Task Clearing_every_address_field_removes_the_address()
    {
        var person = TestData.Person();
        await Fixture.InsertAsync(person);
        var applicant = TestUsers.Applicant(person.Id);
        await Fixture.SendAsync(Valid(), applicant);

        await Fixture.SendAsync(Valid() with { AddressLine1 = null, City = " ", CountyCode = null, State = "", PostalCode = null }, applicant);

        Assert.Null((await ReloadAsync(person.Id)).MailingAddress);
    }

    [Theory]
    [InlineData("DateOfBirth", "future")]
    [InlineData("DateOfBirth", "thirteen")]
    [InlineData("PostalCode", "3720")]
    [InlineData("PostalCode", "37203-12")]
    [InlineData("State", "ZZ")]
    [InlineData("State", "PR")]
    [InlineData("CountyCode", "")]
    [InlineData("CountyCode", "99999")]
    [InlineData("CountyCode", "Davidson")]
    [InlineData("CountyCode", "48453")]
    [InlineData("LegalLastName", "")]
    public async Task Invalid_input_is_refused_with_a_field_error_and_changes_nothing(string field, string value)
    {
        var person = TestData.Person();
        await Fixture.InsertAsync(person);
        var today = TestClock.StartDay;
        var command = (field, value) switch
        {
            ("DateOfBirth", "future") => Valid() with { DateOfBirth = today.AddDays(1) },
            ("DateOfBirth", _) => Valid() with { DateOfBirth = today.AddYears(-UpdateProfile.MinimumAge).AddDays(1) },
            ("PostalCode", _) => Valid() with { PostalCode = value },
            ("State", _) => Valid() with { State = value },
            ("CountyCode", _) => Valid() with { CountyCode = value },
            _ => Valid() with { LegalLastName = value },
        };

        var refused = await Assert.ThrowsAsync<ValidationException>(() => Fixture.SendAsync(command, TestUsers.Applicant(person.Id)));

        Assert.Contains(refused.Errors, e => e.PropertyName == field);
        var unchanged = await ReloadAsync(person.Id);
        Assert.Null(unchanged.MailingAddress);
        Assert.Null(unchanged.DateOfBirth);
    }

    [Fact]
    public async Task Exactly_fourteen_years_old_is_old_enough()
    {
        var person = TestData.Person();
        await Fixture.InsertAsync(person);
        var birthday = TestClock.StartDay.AddYears(-UpdateProfile.MinimumAge);

        await Fixture.SendAsync(Valid() with { DateOfBirth = birthday }, TestUsers.Applicant(person.Id));

        Assert.Equal(birthday, (await ReloadAsync(person.Id)).DateOfBirth);
    }

    [Fact]
    public async Task Staff_cannot_change_a_profile_and_an_applicant_without_a_person_record_finds_none()
    {
        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.SendAsync(Valid(), TestUsers.Reviewer("TN")));
        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.SendAsync(Valid(), TestUsers.Applicant(Guid.NewGuid())));
    }
}

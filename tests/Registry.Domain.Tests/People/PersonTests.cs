using System.Reflection;
using Registry.Domain.Common;
using Registry.Domain.Jurisdictions;
using Registry.Domain.People;

namespace Registry.Domain.Tests.People;

public class PersonTests
{
    [Theory]
    [InlineData("", "Rivera")]
    [InlineData("Ana", "")]
    [InlineData("  ", "Rivera")]
    [InlineData("Ana", "\t")]
    public void Both_legal_names_are_required(string first, string last)
    {
        Assert.Throws<DomainRuleException>(() => new Person(first, last, "ana@example.org"));
    }

    [Fact]
    public void An_email_address_when_given_must_be_one()
    {
        Assert.Throws<DomainRuleException>(() => new Person("Ana", "Rivera", "ana.example.org"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_record_from_an_old_register_may_have_no_email_address(string? email)
    {
        Assert.Null(new Person("Ana", "Rivera", email).Email);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ana.example.org")]
    public void A_changed_email_address_must_be_one(string email)
    {
        var person = new Person("Ana", "Rivera", null);
        Assert.Throws<DomainRuleException>(() => person.ChangeEmail(email));
        Assert.Null(person.Email);
    }

    [Fact]
    public void Names_and_email_are_kept_trimmed()
    {
        var person = new Person("  Ana ", " Rivera ", " ana@example.org ");

        Assert.Equal(("Ana", "Rivera", "ana@example.org"), (person.LegalFirstName, person.LegalLastName, person.Email));
        Assert.Null(person.PreferredName);
        Assert.NotEqual(Guid.Empty, person.Id);
    }

    [Fact]
    public void The_public_name_is_the_legal_first_and_last_name_even_with_a_preferred_name()
    {
        var person = new Person("Ana", "Rivera", "ana@example.org");

        person.Rename("Ana Maria", "Rivera Lopez", "Annie");

        Assert.Equal("Ana Maria Rivera Lopez", person.PublicName);
        Assert.Equal("Annie", person.PreferredName);
    }

    [Fact]
    public void A_refused_rename_or_email_change_keeps_the_old_values()
    {
        var person = new Person("Ana", "Rivera", "ana@example.org");

        Assert.Throws<DomainRuleException>(() => person.Rename("Ana", " ", null));
        Assert.Throws<DomainRuleException>(() => person.ChangeEmail("not-an-address"));

        Assert.Equal(("Ana Rivera", "ana@example.org"), (person.PublicName, person.Email));
    }

    [Fact]
    public void Updating_contact_details_stores_phone_birth_date_and_address()
    {
        var person = new Person("Ana", "Rivera", "ana@example.org");
        var address = new PostalAddress("12 Elm St", null, "Nashville", "Davidson", StateCode.Parse("TN"), "37201");

        person.UpdateContact(" 615-555-0100 ", new DateOnly(1985, 6, 1), address);

        Assert.Equal("615-555-0100", person.Phone);
        Assert.Equal(new DateOnly(1985, 6, 1), person.DateOfBirth);
        Assert.Equal(address, person.MailingAddress);
    }

    [Fact]
    public void An_address_in_a_county_from_the_list_takes_its_state_and_name_and_the_residence_history_its_code()
    {
        var person = new Person("Ana", "Rivera", "ana@example.org");
        var travis = CountyCode.Parse("48453");

        person.UpdateContact(null, null, PostalAddress.InCounty("1 Congress Ave", null, "Austin", travis, "78701"));
        person.UpdateContact(null, null, PostalAddress.InCounty("2 Congress Ave", null, "Austin", travis, "78701"));

        Assert.Equal(("TX", "Travis County", travis), (person.MailingAddress!.State.Value, person.MailingAddress.County, person.MailingAddress.CountyCode));
        var residence = Assert.Single(person.ResidenceHistory);
        Assert.Equal((StateCode.Parse("TX"), "Travis County", travis), (residence.StateCode, residence.County, residence.CountyCode));
    }

    [Fact]
    public void A_county_outside_the_addresss_state_is_refused()
    {
        Assert.Throws<DomainRuleException>(() =>
            new PostalAddress("12 Elm St", null, "Nashville", "Travis County", StateCode.Parse("TN"), "37201", CountyCode.Parse("48453")));
    }

    [Fact]
    public void Choosing_the_code_for_a_county_given_as_text_is_a_move_in_the_residence_history()
    {
        var person = new Person("Ana", "Rivera", "ana@example.org");
        person.UpdateContact(null, null, new PostalAddress("12 Elm St", null, "Nashville", "Davidson County", StateCode.Parse("TN"), "37201"));

        person.UpdateContact(null, null, PostalAddress.InCounty("12 Elm St", null, "Nashville", CountyCode.Parse("47037"), "37201"));

        Assert.Equal([null, "47037"], person.ResidenceHistory.Select(r => r.CountyCode?.Value));
    }

    [Theory]
    [InlineData(nameof(ResidenceChange.County))]
    [InlineData(nameof(ResidenceChange.CountyCode))]
    public void The_county_of_a_residence_is_private(string property)
    {
        Assert.NotNull(typeof(ResidenceChange).GetProperty(property)!.GetCustomAttribute<PrivateDataAttribute>());
    }

    [Fact]
    public void Updating_contact_details_with_blanks_clears_them()
    {
        var person = new Person("Ana", "Rivera", "ana@example.org");
        person.UpdateContact("615-555-0100", new DateOnly(1985, 6, 1), null);

        person.UpdateContact("  ", null, null);

        Assert.Null(person.Phone);
        Assert.Null(person.DateOfBirth);
        Assert.Null(person.MailingAddress);
    }

    [Theory]
    [InlineData(nameof(Person.DateOfBirth))]
    [InlineData(nameof(Person.MailingAddress))]
    public void Date_of_birth_and_mailing_address_are_marked_private(string property)
    {
        Assert.NotNull(typeof(Person).GetProperty(property)!.GetCustomAttribute<PrivateDataAttribute>());
    }

    [Theory]
    [InlineData(nameof(Person.LegalFirstName))]
    [InlineData(nameof(Person.LegalLastName))]
    [InlineData(nameof(Person.PublicName))]
    public void The_names_on_public_records_are_not_marked_private(string property)
    {
        Assert.Null(typeof(Person).GetProperty(property)!.GetCustomAttribute<PrivateDataAttribute>());
    }
}

using Registry.Domain.Common;
using Registry.Domain.Jurisdictions;
using Registry.Domain.Tests.Support;

namespace Registry.Domain.Tests.Jurisdictions;

public class JurisdictionTests
{
    [Fact]
    public void A_state_needs_a_name()
    {
        Assert.Throws<ArgumentException>(() => new Jurisdiction(StateCode.Parse("TN"), "  ", "America/Chicago"));
        Assert.Equal("Tennessee", new Jurisdiction(StateCode.Parse("TN"), " Tennessee ", "America/Chicago").Name);
    }

    [Fact]
    public void A_program_belongs_to_its_state_with_an_upper_case_code()
    {
        var tennessee = Tennessee.State();

        var program = tennessee.AddProgram("cprs", " Certified Peer Recovery Specialist ", Tennessee.Requirements());

        Assert.Equal(("CPRS", "Certified Peer Recovery Specialist", "TN"), (program.Code, program.Name, program.StateCode.Value));
        Assert.Same(program, Assert.Single(tennessee.Programs));
        Assert.Equal(0, program.LastCredentialSequence);
    }

    [Theory]
    [InlineData("CPRS")]
    [InlineData("cprs")]
    public void Adding_a_program_with_a_code_the_state_already_uses_is_refused(string duplicate)
    {
        var tennessee = Tennessee.State();
        tennessee.AddProgram("CPRS", "Certified Peer Recovery Specialist", Tennessee.Requirements());

        Assert.Throws<DomainRuleException>(() => tennessee.AddProgram(duplicate, "Another program", Tennessee.Requirements()));
        Assert.Single(tennessee.Programs);
    }

    [Fact]
    public void Two_states_may_use_the_same_program_code()
    {
        var tennessee = Tennessee.State().AddProgram("CPS", "Certified Peer Specialist", Tennessee.Requirements());
        var georgia = new Jurisdiction(StateCode.Parse("GA"), "Georgia", "America/New_York").AddProgram("CPS", "Certified Peer Specialist", Tennessee.Requirements());

        Assert.NotEqual(tennessee.Id, georgia.Id);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("CPRS-1")]
    [InlineData("ABCDEFGHIJKLM")]
    public void A_program_code_is_1_to_12_letters_or_digits(string code)
    {
        Assert.Throws<DomainRuleException>(() => Tennessee.State().AddProgram(code, "A program", Tennessee.Requirements()));
    }

    [Fact]
    public void A_program_needs_a_name()
    {
        Assert.Throws<DomainRuleException>(() => Tennessee.State().AddProgram("CPRS", " ", Tennessee.Requirements()));
    }

    [Fact]
    public void A_program_accepts_by_reciprocity_only_the_programs_it_lists()
    {
        var georgia = new Jurisdiction(StateCode.Parse("GA"), "Georgia", "America/New_York").AddProgram("CPS", "Certified Peer Specialist", Tennessee.Requirements());
        var kentucky = new Jurisdiction(StateCode.Parse("KY"), "Kentucky", "America/New_York").AddProgram("KPSS", "Kentucky Peer Support Specialist", Tennessee.Requirements());
        var tennessee = Tennessee.State().AddProgram("CPRS", "Certified Peer Recovery Specialist", Tennessee.Requirements(reciprocityProgramIds: [georgia.Id]));

        Assert.True(tennessee.AcceptsByReciprocity(georgia.Id));
        Assert.False(tennessee.AcceptsByReciprocity(kentucky.Id));
        Assert.False(georgia.AcceptsByReciprocity(tennessee.Id)); // reciprocity is not mutual unless both list it
    }

    [Fact]
    public void Changing_requirements_changes_what_reciprocity_accepts()
    {
        var other = Guid.NewGuid();
        var program = Tennessee.Cprs();

        var outgoing = program.ChangeRequirements(Tennessee.Requirements(reciprocityProgramIds: [other]), Guid.NewGuid(), Issued.Now);

        Assert.True(program.AcceptsByReciprocity(other));
        Assert.Equal((1, 2), (outgoing.Version, program.RequirementsVersion));
        Assert.Empty(outgoing.Requirements.ReciprocityProgramIds);
    }

    [Theory]
    [InlineData("Chicago")]
    [InlineData("Central Standard Time")]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("")]
    public void A_state_lives_in_an_IANA_time_zone(string timeZone)
    {
        Assert.Throws<ArgumentException>(() => new Jurisdiction(StateCode.Parse("TN"), "Tennessee", timeZone));
        Assert.Equal("America/Chicago", new Jurisdiction(StateCode.Parse("TN"), "Tennessee", " America/Chicago ").TimeZone);
    }

    [Fact]
    public void The_board_contact_keeps_what_is_given_trimmed_and_forgets_blank_parts()
    {
        var tennessee = Tennessee.State();

        tennessee.ChangeContact(new BoardContact(" Tennessee Peer Board ", "500 Main St, Nashville, TN 37201", "board@tn.example.gov", "  ", null));

        Assert.Equal(new BoardContact("Tennessee Peer Board", "500 Main St, Nashville, TN 37201", "board@tn.example.gov", null, null), tennessee.Contact);
        tennessee.ChangeContact(BoardContact.None);
        Assert.Equal(BoardContact.None, tennessee.Contact);
    }

    [Fact]
    public void A_board_contact_with_hidden_characters_is_refused()
    {
        Assert.Throws<DomainRuleException>(() => Tennessee.State().ChangeContact(new BoardContact("Board\u202Eevil", null, null, null, null)));
    }

    [Fact]
    public void Renaming_a_state_needs_a_name_and_trims_it()
    {
        var tennessee = Tennessee.State();

        Assert.Throws<ArgumentException>(() => tennessee.Rename(" "));
        tennessee.Rename(" State of Tennessee ");

        Assert.Equal("State of Tennessee", tennessee.Name);
    }

    [Fact]
    public void A_state_moves_its_time_zone_only_while_it_has_no_credentials()
    {
        var tennessee = new Jurisdiction(StateCode.Parse("TN"), "Tennessee", "America/Chicago");

        Assert.Throws<DomainRuleException>(() => tennessee.ChangeTimeZone("America/New_York", hasCredentials: true));
        Assert.Equal("America/Chicago", tennessee.TimeZone);
        tennessee.ChangeTimeZone("America/Chicago", hasCredentials: true); // keeping the zone is no move
        Assert.Throws<ArgumentException>(() => tennessee.ChangeTimeZone("Eastern", hasCredentials: false));

        tennessee.ChangeTimeZone("America/New_York", hasCredentials: false);

        Assert.Equal("America/New_York", tennessee.TimeZone);
    }
}

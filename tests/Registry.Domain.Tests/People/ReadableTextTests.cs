using Registry.Domain.Common;
using Registry.Domain.People;

namespace Registry.Domain.Tests.People;

public class ReadableTextTests
{
    [Fact]
    public void Lone_surrogates_non_characters_and_line_breaks_are_not_readable()
    {
        // Built here, not passed as theory data: the test runner turns a lone surrogate in its data into U+FFFD.
        string[] unreadable = ["Da\uD800na", "Da\uDC00na", "Dana\uD83D", "\U0010FFFF", "Dana\u2028Okafor"];

        Assert.All(unreadable, text => Assert.False(ReadableText.IsReadable(text)));
    }

    [Theory]
    [InlineData("Zoë 😀")] // a surrogate pair is one character
    [InlineData("Ngũgĩ wa Thiong'o")]
    [InlineData("")]
    public void Letters_of_any_plane_are_readable(string text) => Assert.True(ReadableText.IsReadable(text));

    [Fact]
    public void A_person_is_named_in_NFC_and_never_with_a_direction_override()
    {
        var person = new Person(" Jose\u0301 ", "Okafor", "jose@test.example");

        Assert.Equal("Jos\u00E9", person.LegalFirstName);
        Assert.Equal(ReadableText.Unreadable, Assert.Throws<DomainRuleException>(() => person.Rename("Jose", "\u202EOkafor", null)).Message);
    }
}

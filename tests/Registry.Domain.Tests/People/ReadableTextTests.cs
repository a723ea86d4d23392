using Registry.Domain.Common;
using Registry.Domain.People;

namespace Registry.Domain.Tests.People;

public class ReadableTextTests
{
    [Theory]
    [InlineData("Da\uD800na")] // a lone high surrogate
    [InlineData("Da\uDC00na")] // a lone low surrogate
    [InlineData("Dana\uD83D")] // a pair cut short
    [InlineData("\U0010FFFF")] // the last non-character
    [InlineData("Dana\u2028Okafor")] // a line separator
    public void Lone_surrogates_non_characters_and_line_breaks_are_not_readable(string text) => Assert.False(ReadableText.IsReadable(text));

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

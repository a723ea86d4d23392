using Registry.Domain.Jurisdictions;

namespace Registry.Domain.Tests.Jurisdictions;

public class StateCodeTests
{
    [Theory]
    [InlineData("TN", "TN")]
    [InlineData("tn", "TN")]
    [InlineData("Dc", "DC")]
    [InlineData("  ny ", "NY")]
    public void A_two_letter_code_is_read_in_upper_case(string text, string expected)
    {
        Assert.Equal(expected, StateCode.Parse(text).Value);
        Assert.True(StateCode.TryParse(text, out var code));
        Assert.Equal(expected, code.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("T")]
    [InlineData("TNN")]
    [InlineData("T1")]
    [InlineData("T-")]
    [InlineData("T N")]
    [InlineData("ÉT")]
    public void Anything_but_two_ascii_letters_is_refused(string? text)
    {
        Assert.False(StateCode.TryParse(text, out var code));
        Assert.Equal(default, code);
        Assert.Throws<FormatException>(() => StateCode.Parse(text));
    }

    [Fact]
    public void Codes_that_differ_only_in_case_are_equal()
    {
        Assert.Equal(StateCode.Parse("tn"), StateCode.Parse("TN"));
        Assert.NotEqual(StateCode.Parse("TN"), StateCode.Parse("NY"));
    }
}

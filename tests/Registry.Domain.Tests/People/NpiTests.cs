using Registry.Domain.Common;
using Registry.Domain.People;

namespace Registry.Domain.Tests.People;

public class NpiTests
{
    [Theory]
    [InlineData("1234567893")] // CMS's worked example
    [InlineData("1245319599")]
    [InlineData("1234 567 893")]
    [InlineData("123-456-7893")]
    public void A_number_with_the_right_check_digit_is_an_npi(string text)
    {
        Assert.True(Npi.TryParse(text, out var npi));
        Assert.Equal(new string(text.Where(char.IsAsciiDigit).ToArray()), npi!.Value);
    }

    [Theory]
    [InlineData("1234567890")] // a wrong check digit
    [InlineData("1234567894")]
    [InlineData("123456789")] // nine digits
    [InlineData("12345678931")] // eleven
    [InlineData("3234567891")] // an NPI begins with 1 or 2
    [InlineData("12345678A3")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_refused(string? text)
    {
        Assert.False(Npi.TryParse(text, out var npi));
        Assert.Null(npi);
    }

    [Fact]
    public void Exactly_one_check_digit_holds_for_each_body_as_CMS_computes_it()
    {
        var random = new Random(8084);
        for (var n = 0; n < 2_000; n++)
        {
            var body = (random.Next(1, 3) * 100_000_000 + random.Next(0, 100_000_000)).ToString("D9");
            var expected = CmsCheckDigit(body);
            Assert.Equal(expected, Npi.CheckDigitFor(body));
            for (var digit = 0; digit <= 9; digit++)
                Assert.Equal(digit == expected, Npi.TryParse(body + digit, out _));
        }
    }

    /// <summary>CMS's own method: double the alternate digits from the first, add 24 for the 80840 prefix, round up to ten.</summary>
    private static int CmsCheckDigit(string body)
    {
        var sum = 24;
        for (var i = 0; i < 9; i++)
        {
            var digit = body[i] - '0';
            if (i % 2 == 0) digit *= 2;
            sum += digit / 10 + digit % 10;
        }
        return (10 - sum % 10) % 10;
    }

    [Fact]
    public void A_holder_records_and_clears_their_npi_and_taxonomy()
    {
        var person = new Person("Ana", "Rivera", "ana@example.org");
        Npi.TryParse("1234567893", out var npi);

        person.RecordNpi(npi, peerSpecialistTaxonomy: true);
        Assert.Equal("1234567893", person.Npi);
        Assert.True(person.NpiHasPeerSpecialistTaxonomy);

        person.RecordNpi(null, peerSpecialistTaxonomy: false);
        Assert.Null(person.Npi);
        Assert.False(person.NpiHasPeerSpecialistTaxonomy);
    }

    [Fact]
    public void A_taxonomy_needs_an_npi()
    {
        var person = new Person("Ana", "Rivera", "ana@example.org");
        Assert.Throws<DomainRuleException>(() => person.RecordNpi(null, peerSpecialistTaxonomy: true));
    }
}

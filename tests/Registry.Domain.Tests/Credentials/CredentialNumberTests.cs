using Registry.Domain.Credentials;
using Registry.Domain.Jurisdictions;
using Registry.Domain.Tests.Support;

namespace Registry.Domain.Tests.Credentials;

public class CredentialNumberTests
{
    private static readonly StateCode Tn = StateCode.Parse("TN");

    [Fact]
    public void A_number_is_state_program_and_a_six_digit_sequence()
    {
        Assert.Equal("TN-CPRS-000123", CredentialNumber.Create(Tn, "CPRS", 123).Value);
        Assert.Equal("TN-CPRS-000123", CredentialNumber.Create(Tn, "CPRS", 123).ToString());
    }

    [Fact]
    public void The_program_code_is_upper_cased()
    {
        Assert.Equal("TN-CPRS-000001", CredentialNumber.Create(Tn, "cprs", 1).Value);
    }

    [Theory]
    [InlineData(1, "TN-CPRS-000001")]
    [InlineData(999_999, "TN-CPRS-999999")]
    public void The_sequence_runs_from_1_to_999999(int sequence, string expected)
    {
        Assert.Equal(expected, CredentialNumber.Create(Tn, "CPRS", sequence).Value);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1_000_000)]
    public void A_sequence_outside_1_to_999999_is_refused(int sequence)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CredentialNumber.Create(Tn, "CPRS", sequence));
    }

    [Theory]
    [InlineData("TN-CPRS-000123", "TN-CPRS-000123")]
    [InlineData("  tn-cprs-000123 ", "TN-CPRS-000123")]
    [InlineData("NY-P1-999999", "NY-P1-999999")]
    [InlineData("DC-ABCDEFGHIJKL-000001", "DC-ABCDEFGHIJKL-000001")]
    public void A_well_formed_number_is_read_and_normalised(string text, string expected)
    {
        Assert.True(CredentialNumber.TryParse(text, out var number));
        Assert.Equal(expected, number!.Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("TN-CPRS-123")]
    [InlineData("TN-CPRS-0001234")]
    [InlineData("TNN-CPRS-000123")]
    [InlineData("T1-CPRS-000123")]
    [InlineData("TN--000123")]
    [InlineData("TN-ABCDEFGHIJKLM-000123")]
    [InlineData("TN_CPRS_000123")]
    [InlineData("TN-CP RS-000123")]
    [InlineData("TN-CPRS-000123-X")]
    public void A_malformed_number_is_rejected(string? text)
    {
        Assert.False(CredentialNumber.TryParse(text, out var number));
        Assert.Null(number);
    }

    [Fact]
    public void A_parsed_number_equals_the_one_created_from_its_parts()
    {
        Assert.True(CredentialNumber.TryParse("tn-cprs-000042", out var parsed));
        Assert.Equal(CredentialNumber.Create(Tn, "CPRS", 42), parsed);
    }

    [Fact]
    public void A_program_never_allocates_the_same_number_twice()
    {
        var program = Tennessee.Cprs();

        var numbers = Enumerable.Range(0, 50).Select(_ => program.AllocateCredentialNumber().Value).ToList();

        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        Assert.Equal("TN-CPRS-000001", numbers[0]);
        Assert.Equal("TN-CPRS-000050", numbers[^1]);
        Assert.Equal(50, program.LastCredentialSequence);
    }

    [Fact]
    public void Each_issued_credential_takes_the_next_number_of_its_program()
    {
        var program = Tennessee.Cprs();

        var first = Credential.Issue(program, Guid.NewGuid(), Issued.IssuedOn, Issued.Staff, Issued.Now);
        var second = Credential.Issue(program, Guid.NewGuid(), Issued.IssuedOn, Issued.Staff, Issued.Now);

        Assert.Equal("TN-CPRS-000001", first.Number.Value);
        Assert.Equal("TN-CPRS-000002", second.Number.Value);
        Assert.Equal((program.Id, program.StateCode), (first.ProgramId, first.StateCode));
    }
}

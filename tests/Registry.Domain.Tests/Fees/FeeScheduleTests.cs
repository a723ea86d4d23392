using Registry.Domain.Common;
using Registry.Domain.Fees;
using Registry.Domain.Jurisdictions;

namespace Registry.Domain.Tests.Fees;

public class FeeScheduleTests
{
    [Theory]
    [InlineData(false, false, 60, FeeBasis.Standard)]
    [InlineData(true, false, 20, FeeBasis.HoldsPeerCredential)]
    [InlineData(false, true, 30, FeeBasis.MilitaryOrVeteran)]
    [InlineData(true, true, 20, FeeBasis.HoldsPeerCredential)]
    public void A_person_is_quoted_the_lowest_rate_they_qualify_for(bool holdsPeerCredential, bool military, decimal amount, FeeBasis basis)
    {
        var rate = new FeeRate(FeeKind.InitialApplication, 60m, holdsPeerCredentialAmount: 20m, militaryOrVeteranAmount: 30m);
        Assert.Equal(new FeeQuote(FeeKind.InitialApplication, amount, basis), rate.QuoteFor(holdsPeerCredential, military));
    }

    [Fact]
    public void The_military_rate_wins_when_it_is_lower_and_a_rate_without_reductions_is_standard()
    {
        Assert.Equal(FeeBasis.MilitaryOrVeteran, new FeeRate(FeeKind.Renewal, 50m, 40m, 0m).QuoteFor(true, true).Basis);
        Assert.Equal(new FeeQuote(FeeKind.Renewal, 50m, FeeBasis.Standard), new FeeRate(FeeKind.Renewal, 50m).QuoteFor(true, true));
    }

    [Fact]
    public void A_reduced_rate_above_the_standard_one_is_refused()
    {
        Assert.Throws<DomainRuleException>(() => new FeeRate(FeeKind.Renewal, 50m, holdsPeerCredentialAmount: 50.01m));
        Assert.Throws<DomainRuleException>(() => new FeeRate(FeeKind.Renewal, 50m, militaryOrVeteranAmount: 51m));
        Assert.Throws<DomainRuleException>(() => new FeeRate(FeeKind.Renewal, -1m));
    }

    [Theory]
    [InlineData(10.005, "at most two decimal places")]
    [InlineData(-0.01, "cannot be negative")]
    [InlineData(1000000.01, "at most $1,000,000.00")]
    public void Money_refuses_what_is_not_dollars_and_cents(decimal amount, string message)
    {
        Assert.Contains(message, Assert.Throws<DomainRuleException>(() => Money.Check(amount, "A fee")).Message);
    }

    [Fact]
    public void Money_is_exact_and_formatted_as_people_read_it()
    {
        Assert.Equal(12.5m, Money.Check(12.50m, "A fee"));
        Assert.Equal(0m, Money.Check(0m, "A fee"));
        Assert.Throws<DomainRuleException>(() => Money.Check(0m, "A payment", allowZero: false));
        Assert.Equal("$1,234.50", Money.Format(1234.5m));
        Assert.Equal(6000L, Money.ToCents(60m));
        Assert.Equal(0.07m, Money.FromCents(7));
    }

    [Fact]
    public void A_program_charges_nothing_for_a_kind_it_leaves_out_and_has_one_amount_per_kind()
    {
        var rules = new ProgramRequirements(0, [], 0, 0, 0, null, [], 24, 0, 0, 0, 0, fees: [new FeeRate(FeeKind.InitialApplication, 60m, 20m)]);
        Assert.Equal(new FeeQuote(FeeKind.InitialApplication, 20m, FeeBasis.HoldsPeerCredential), rules.QuoteFee(FeeKind.InitialApplication, true, false));
        Assert.True(rules.QuoteFee(FeeKind.Renewal, true, true).IsFree);
        Assert.True(new ProgramRequirements(0, [], 0, 0, 0, null, [], 24, 0, 0, 0, 0).QuoteFee(FeeKind.InitialApplication, false, false).IsFree);
        Assert.Throws<DomainRuleException>(() => new ProgramRequirements(0, [], 0, 0, 0, null, [], 24, 0, 0, 0, 0,
            fees: [new FeeRate(FeeKind.Renewal, 50m), new FeeRate(FeeKind.Renewal, 40m)]));
    }

    [Theory]
    [InlineData(false, FeeKind.Renewal)]
    [InlineData(true, FeeKind.LateRenewal)]
    public void A_renewal_in_its_grace_period_is_a_late_renewal(bool inGrace, FeeKind kind) =>
        Assert.Equal(kind, FeeKinds.For(Registry.Domain.Applications.ApplicationType.Renewal, inGrace));
}

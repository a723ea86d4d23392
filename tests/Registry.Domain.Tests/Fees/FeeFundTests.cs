using Registry.Domain.Common;
using Registry.Domain.Fees;
using Registry.Domain.Jurisdictions;

namespace Registry.Domain.Tests.Fees;

public class FeeFundTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 15, 0, 0, TimeSpan.Zero);
    private static readonly Guid Staff = Guid.NewGuid();

    private static FeeFund Florida() => new(StateCode.Parse("FL"), "Florida Certification Board scholarship", "Fees of people who cannot pay them.", 7, 1,
        [FeeKind.InitialApplication, FeeKind.Reciprocity, FeeKind.Exam, FeeKind.Renewal, FeeKind.LateRenewal, FeeKind.Reinstatement]);

    [Fact]
    public void The_30th_of_June_and_the_1st_of_July_fall_in_different_fiscal_years()
    {
        var fund = Florida();
        Assert.Equal(new DateOnly(2026, 7, 1), fund.FiscalYearOf(new DateOnly(2027, 6, 30)));
        Assert.Equal(new DateOnly(2027, 7, 1), fund.FiscalYearOf(new DateOnly(2027, 7, 1)));
        Assert.Equal(new DateOnly(2026, 7, 1), fund.FiscalYearOf(new DateOnly(2026, 7, 1)));

        fund.SetBudget(new DateOnly(2027, 6, 30), 100m);
        fund.Draw(100m, FeeKind.Renewal, new DateOnly(2027, 6, 30));
        var nextYear = Assert.Throws<DomainRuleException>(() => fund.Draw(10m, FeeKind.Renewal, new DateOnly(2027, 7, 1)));
        Assert.Contains("no budget for the fiscal year that began 1 July 2027", nextYear.Message);
        fund.SetBudget(new DateOnly(2027, 7, 1), 500m);
        fund.Draw(10m, FeeKind.Renewal, new DateOnly(2027, 7, 1));
        Assert.Equal([100m, 10m], fund.Years.OrderBy(y => y.StartsOn).Select(y => y.Drawn));
    }

    [Fact]
    public void A_draw_beyond_the_years_budget_is_refused_and_draws_nothing()
    {
        var fund = Florida();
        var year = fund.SetBudget(new DateOnly(2027, 1, 10), 100m);
        fund.Draw(60m, FeeKind.InitialApplication, new DateOnly(2027, 1, 10));
        var refused = Assert.Throws<DomainRuleException>(() => fund.Draw(40.01m, FeeKind.InitialApplication, new DateOnly(2027, 2, 1)));
        Assert.Contains("has $40.00 left this fiscal year", refused.Message);
        Assert.Equal((60m, 40m), (year.Drawn, year.Left));
    }

    [Fact]
    public void A_budget_below_what_was_drawn_is_refused_and_one_above_it_is_kept()
    {
        var fund = Florida();
        var day = new DateOnly(2027, 1, 10);
        fund.SetBudget(day, 100m);
        fund.Draw(60m, FeeKind.Exam, day);
        Assert.Contains("$60.00 already drawn", Assert.Throws<DomainRuleException>(() => fund.SetBudget(day, 59.99m)).Message);
        Assert.Throws<DomainRuleException>(() => fund.SetBudget(day, 100.001m));
        fund.SetBudget(day, 60m);
        Assert.Equal(0m, Assert.Single(fund.Years).Left);
    }

    [Fact]
    public void A_kind_of_fee_the_fund_does_not_cover_is_refused()
    {
        var fund = Florida();
        fund.SetBudget(new DateOnly(2027, 1, 10), 100m);
        var refused = Assert.Throws<DomainRuleException>(() => fund.Draw(25m, FeeKind.ReplacementCertificate, new DateOnly(2027, 1, 10)));
        Assert.Contains("does not pay this kind of fee", refused.Message);
        Assert.Equal(0m, fund.Years[0].Drawn);
    }

    [Fact]
    public void A_fund_needs_a_name_kinds_and_a_fiscal_year_start_it_can_keep()
    {
        Assert.Throws<DomainRuleException>(() => new FeeFund(StateCode.Parse("FL"), " ", null, 7, 1, [FeeKind.Exam]));
        Assert.Throws<DomainRuleException>(() => new FeeFund(StateCode.Parse("FL"), "Fund", null, 7, 1, []));
        Assert.Throws<DomainRuleException>(() => new FeeFund(StateCode.Parse("FL"), "Fund", null, 2, 29, [FeeKind.Exam]));
        Assert.Throws<DomainRuleException>(() => new FeeFund(StateCode.Parse("FL"), "Fund", null, 13, 1, [FeeKind.Exam]));
    }

    [Fact]
    public void A_voucher_is_used_once_and_not_after_it_expires()
    {
        var voucher = new Voucher(Guid.NewGuid(), StateCode.Parse("TX"), Guid.NewGuid(), "hash", "7QX2", new DateOnly(2027, 3, 31), Staff, Now);
        var fee = Guid.NewGuid();
        voucher.Use(fee, new DateOnly(2027, 3, 31), Now);
        Assert.Equal((fee, Now), (voucher.UsedForFeeId, voucher.UsedAt));
        Assert.Contains("already been used", Assert.Throws<DomainRuleException>(() => voucher.Use(Guid.NewGuid(), new DateOnly(2027, 3, 1), Now)).Message);
        Assert.Equal(fee, voucher.UsedForFeeId);

        var expired = new Voucher(Guid.NewGuid(), StateCode.Parse("TX"), Guid.NewGuid(), "hash", "8RY3", new DateOnly(2027, 3, 31), Staff, Now);
        Assert.Contains("expired on 31 March 2027", Assert.Throws<DomainRuleException>(() => expired.Use(fee, new DateOnly(2027, 4, 1), Now)).Message);
        Assert.Null(expired.UsedForFeeId);
    }

    private static Fee Owed() =>
        Fee.Owe(StateCode.Parse("FL"), Guid.NewGuid(), Guid.NewGuid(), new FeeQuote(FeeKind.InitialApplication, 75m, FeeBasis.Standard), 1, Now, Guid.NewGuid());

    [Fact]
    public void A_hardship_request_is_asked_while_the_fee_is_owed_and_decided_once()
    {
        var fee = Owed();
        var request = new HardshipRequest(fee, "  I lost my job last month.  ", Now);
        Assert.Equal((HardshipStatus.Pending, "I lost my job last month.", fee.PersonId, fee.StateCode), (request.Status, request.Statement, request.PersonId, request.StateCode));
        var fund = Guid.NewGuid();
        request.Grant(fund, "Within the scholarship's purpose.", Staff, Now);
        Assert.Equal((HardshipStatus.Granted, fund, Staff), (request.Status, request.FundId, request.DecidedByUserId));
        Assert.Throws<DomainRuleException>(() => request.Refuse("Changed my mind.", Staff, Now));

        var refused = new HardshipRequest(Owed(), "Rent is due.", Now);
        Assert.Throws<DomainRuleException>(() => refused.Refuse(" ", Staff, Now));
        refused.Refuse("The fund's budget for the year is spent.", Staff, Now);
        Assert.Equal((HardshipStatus.Refused, null), (refused.Status, refused.FundId));
        Assert.Throws<DomainRuleException>(() => refused.Grant(null, "After all.", Staff, Now));
    }

    [Fact]
    public void A_hardship_request_needs_a_statement_and_an_owed_fee()
    {
        Assert.Throws<DomainRuleException>(() => new HardshipRequest(Owed(), "   ", Now));
        Assert.Throws<DomainRuleException>(() => new HardshipRequest(Owed(), new string('x', HardshipRequest.StatementMaxLength + 1), Now));
        var paid = Owed();
        paid.RecordPayment(75m, PaymentMethod.Card, Payer.Person, null, new DateOnly(2027, 3, 1), Now, null, "pi_1");
        Assert.Throws<DomainRuleException>(() => new HardshipRequest(paid, "Too late.", Now));
        Assert.True(typeof(HardshipRequest).GetProperty(nameof(HardshipRequest.Statement))!.IsDefined(typeof(PrivateDataAttribute), false));
    }
}

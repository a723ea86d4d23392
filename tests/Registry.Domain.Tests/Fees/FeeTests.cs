using Registry.Domain.Common;
using Registry.Domain.Fees;
using Registry.Domain.Jurisdictions;

namespace Registry.Domain.Tests.Fees;

public class FeeTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 15, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2027, 3, 1);
    private static readonly Guid Staff = Guid.NewGuid();

    private static Fee Owed(decimal amount = 60m) =>
        Fee.Owe(StateCode.Parse("TX"), Guid.NewGuid(), Guid.NewGuid(), new FeeQuote(FeeKind.InitialApplication, amount, FeeBasis.Standard), 3, Now, Guid.NewGuid());

    private static FeePayment Pay(Fee fee, decimal amount) => fee.RecordPayment(amount, PaymentMethod.Cheque, Payer.Person, "1042", Today, Now, Staff);

    [Fact]
    public void A_fee_is_owed_from_the_quote_with_its_requirements_version()
    {
        var fee = Owed();
        Assert.Equal((FeeStatus.Owed, 60m, 60m, 3, FeeBasis.Standard), (fee.Status, fee.Amount, fee.Balance, fee.RequirementsVersion, fee.Basis));
        Assert.False(fee.IsSettled);
        Assert.Throws<DomainRuleException>(() => Fee.Owe(StateCode.Parse("TX"), Guid.NewGuid(), Guid.NewGuid(), FeeQuote.Nothing(FeeKind.Renewal), 1, Now));
    }

    [Fact]
    public void Paid_in_parts_the_fee_stays_owed_until_the_last_part_settles_it()
    {
        var fee = Owed();
        Pay(fee, 25m);
        Assert.Equal((FeeStatus.Owed, 35m, 25m), (fee.Status, fee.Balance, fee.PaidAmount));
        Assert.Empty(fee.DomainEvents);
        Pay(fee, 35m);
        Assert.Equal((FeeStatus.Paid, 0m, Now), (fee.Status, fee.Balance, fee.SettledAt));
        var settled = Assert.IsType<FeeSettled>(Assert.Single(fee.DomainEvents));
        Assert.Equal((fee.Id, fee.ApplicationId, FeeStatus.Paid), (settled.FeeId, settled.ApplicationId, settled.Status));
        Assert.Equal(2, fee.Payments.Count);
        Assert.Throws<DomainRuleException>(() => Pay(fee, 1m));
    }

    [Theory]
    [InlineData(60.01)]
    [InlineData(100)]
    public void A_payment_above_the_balance_is_refused(decimal amount)
    {
        var fee = Owed();
        var refused = Assert.Throws<DomainRuleException>(() => Pay(fee, amount));
        Assert.Contains("more than the $60.00 still owed", refused.Message);
        Assert.Equal((0m, 0), (fee.PaidAmount, fee.Payments.Count));
    }

    [Theory]
    [InlineData(10.005)]
    [InlineData(0)]
    [InlineData(-5)]
    public void A_payment_that_is_not_dollars_and_cents_above_zero_is_refused(decimal amount)
    {
        var fee = Owed();
        Assert.Throws<DomainRuleException>(() => Pay(fee, amount));
        Assert.Empty(fee.Payments);
    }

    [Fact]
    public void A_waiver_covers_the_balance_and_keeps_the_fund_reason_and_who_decided()
    {
        var fee = Owed();
        Pay(fee, 10m);
        var fund = Guid.NewGuid();
        Assert.Equal(50m, fee.Waive(fund, "Hardship: the person is between jobs.", Staff, Now));
        Assert.Equal((FeeStatus.Waived, 50m, fund, Staff, 0m), (fee.Status, fee.WaivedAmount, fee.WaiverFundId, fee.WaivedByUserId, fee.Balance));
        Assert.True(fee.IsSettled);
        Assert.Single(fee.DomainEvents.OfType<FeeSettled>());
        Assert.Throws<DomainRuleException>(() => Owed().Waive(null, "  ", Staff, Now));
        Assert.Throws<DomainRuleException>(() => fee.Waive(null, "Again.", Staff, Now));
    }

    [Fact]
    public void An_unpaid_fee_is_cancelled_but_not_one_with_a_payment()
    {
        var fee = Owed();
        fee.Cancel("The application was withdrawn.", Now);
        Assert.Equal((FeeStatus.Cancelled, 0m, Now), (fee.Status, fee.Balance, fee.CancelledAt));
        Assert.False(fee.IsSettled);
        Assert.Empty(fee.DomainEvents);
        Assert.Throws<DomainRuleException>(() => Pay(fee, 10m));

        var partlyPaid = Owed();
        Pay(partlyPaid, 10m);
        var refused = Assert.Throws<DomainRuleException>(() => partlyPaid.Cancel("Withdrawn.", Now));
        Assert.Contains("refund it rather than cancel", refused.Message);
        Assert.Equal(FeeStatus.Owed, partlyPaid.Status);
    }

    [Fact]
    public void A_paid_fee_is_refunded_partly_then_fully_but_never_above_what_was_paid()
    {
        var fee = Owed();
        Pay(fee, 60m);
        fee.Refund(20m, "Charged twice for the same day.", Staff, Now);
        Assert.Equal((FeeStatus.Refunded, 20m), (fee.Status, fee.RefundedAmount));
        var refused = Assert.Throws<DomainRuleException>(() => fee.Refund(40.01m, "Too much.", Staff, Now));
        Assert.Contains("more than the $40.00 paid and not yet refunded", refused.Message);
        fee.Refund(40m, "The application was withdrawn.", Staff, Now);
        Assert.Equal((60m, 2), (fee.RefundedAmount, fee.Refunds.Count));
        Assert.True(fee.IsSettled);
        Assert.Throws<DomainRuleException>(() => fee.Refund(0.01m, "Nothing left.", Staff, Now));
        Assert.Throws<DomainRuleException>(() => fee.Refund(1m, "", Staff, Now));
    }

    [Fact]
    public void Card_money_goes_back_to_the_card_first_one_card_payment_per_refund()
    {
        var fee = Owed();
        fee.RecordPayment(35m, PaymentMethod.Card, Payer.Person, null, Today, Now, null, "pi_first");
        Pay(fee, 25m);

        Assert.Contains("At most $35.00 can go back to the card", Assert.Throws<DomainRuleException>(() => fee.CardPaymentToRefund(40m)).Message);
        Assert.Contains("goes back to the card", Assert.Throws<DomainRuleException>(() => fee.Refund(10m, "Cheque part.", Staff, Now)).Message);
        Assert.Equal("pi_first", fee.CardPaymentToRefund(35m)?.ProviderPaymentId);

        fee.Refund(35m, "Card part.", Staff, Now, "re_1");
        Assert.Equal(0m, fee.CardRefundable);
        Assert.Null(fee.CardPaymentToRefund(25m));
        fee.Refund(25m, "Cheque part, returned by cheque.", Staff, Now);
        Assert.Equal((FeeStatus.Refunded, 60m), (fee.Status, fee.RefundedAmount));
    }

    [Fact]
    public void Only_a_paid_fee_is_refunded()
    {
        var owed = Owed();
        Pay(owed, 10m);
        Assert.Throws<DomainRuleException>(() => owed.Refund(10m, "Partly paid.", Staff, Now));
        var waived = Owed();
        waived.Waive(null, "Hardship.", Staff, Now);
        Assert.Throws<DomainRuleException>(() => waived.Refund(1m, "Waived.", Staff, Now));
    }

    [Fact]
    public void An_owed_fee_is_invoiced_to_an_employer_but_not_once_settled()
    {
        var fee = Owed();
        var employer = Guid.NewGuid();
        fee.InvoiceTo(employer);
        Assert.Equal(employer, fee.EmployerId);
        Pay(fee, 60m);
        Assert.Throws<DomainRuleException>(() => fee.InvoiceTo(Guid.NewGuid()));
    }
}

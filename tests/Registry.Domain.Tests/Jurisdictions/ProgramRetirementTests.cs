using Registry.Domain.Common;
using Registry.Domain.Tests.Support;

namespace Registry.Domain.Tests.Jurisdictions;

public class ProgramRetirementTests
{
    private static readonly DateOnly Today = new(2027, 6, 15);

    [Fact]
    public void A_retired_program_takes_applications_until_the_day_before_its_retirement()
    {
        var program = Tennessee.State().AddProgram("CPRS", "Certified Peer Recovery Specialist", Tennessee.Requirements());
        Assert.True(program.AcceptsApplicationsOn(Today.AddYears(5)));

        program.Retire(Today.AddDays(10), "  Replaced by the new CPRS II program. ", Today);

        Assert.Equal((Today.AddDays(10), "Replaced by the new CPRS II program."), (program.RetiredOn, program.RetirementReason));
        Assert.True(program.AcceptsApplicationsOn(Today.AddDays(9)));
        Assert.False(program.AcceptsApplicationsOn(Today.AddDays(10)));
        Assert.False(program.AcceptsApplicationsOn(Today.AddDays(11)));
    }

    [Fact]
    public void Retiring_needs_a_reason_and_a_day_not_past_and_happens_once_until_reopened()
    {
        var program = Tennessee.State().AddProgram("CPRS", "Certified Peer Recovery Specialist", Tennessee.Requirements());

        Assert.Throws<DomainRuleException>(() => program.Retire(Today.AddDays(-1), "Replaced.", Today));
        Assert.Throws<DomainRuleException>(() => program.Retire(Today, " ", Today));
        Assert.Throws<DomainRuleException>(() => program.Retire(Today, new string('x', 501), Today));
        Assert.Throws<DomainRuleException>(program.Reopen);
        Assert.Null(program.RetiredOn);

        program.Retire(Today, "Replaced.", Today);
        Assert.Throws<DomainRuleException>(() => program.Retire(Today.AddDays(1), "Again.", Today));

        program.Reopen();
        Assert.Equal((null, null), (program.RetiredOn, program.RetirementReason));
        Assert.True(program.AcceptsApplicationsOn(Today));
    }
}

using Registry.Domain.Common;
using Registry.Domain.Credentials;
using Registry.Domain.Jurisdictions;
using Registry.Domain.Tests.Support;

namespace Registry.Domain.Tests.Credentials;

public class EndorsementTests
{
    private static readonly EndorsementDefinition Youth = new("y", "Youth", "Peer support with young adults.", "ETH", 4, 18, 29, 50);
    private static readonly EndorsementDefinition Family = new("F", "Family", "Peer support with families.");

    private static ProgramRequirements WithEndorsements(params EndorsementDefinition[] endorsements) =>
        new(46, [new TrainingDomainRequirement("ETH", "Ethical responsibility", 6)], 500, 25, 2, null, [], 24, 30, 6, 90, 90, endorsements: endorsements);

    [Fact]
    public void A_definition_keeps_its_code_in_capitals_and_its_extra_requirements()
    {
        Assert.Equal(("Y", "Youth", "ETH", 4m, 18, 29, 50), (Youth.Code, Youth.Name, Youth.TrainingDomainCode, Youth.ExtraTrainingHours, Youth.MinimumAge, Youth.MaximumAge, Youth.MinimumPopulationSharePercent));
        Assert.Equal(["Y", "F"], WithEndorsements(Youth, Family).Endorsements.Select(e => e.Code));
        Assert.Same(Youth, WithEndorsements(Youth, Family).Endorsement(" y "));
    }

    [Theory]
    [InlineData("", "Youth", null, null, null, null, null)]
    [InlineData("TOOLONGCODE", "Youth", null, null, null, null, null)]
    [InlineData("Y-1", "Youth", null, null, null, null, null)]
    [InlineData("Y", " ", null, null, null, null, null)]
    [InlineData("Y", "Youth", "ETH", null, null, null, null)]
    [InlineData("Y", "Youth", null, 4.0, null, null, null)]
    [InlineData("Y", "Youth", "ETH", 0.0, null, null, null)]
    [InlineData("Y", "Youth", null, null, 30, 29, null)]
    [InlineData("Y", "Youth", null, null, 10, null, null)]
    [InlineData("Y", "Youth", null, null, null, null, 0)]
    [InlineData("Y", "Youth", null, null, null, null, 101)]
    public void A_definition_that_makes_no_sense_is_refused(string code, string name, string? domain, double? hours, int? minimumAge, int? maximumAge, int? share)
    {
        Assert.Throws<DomainRuleException>(() => new EndorsementDefinition(code, name, "", domain, (decimal?)hours, minimumAge, maximumAge, share));
    }

    [Fact]
    public void Codes_are_unique_in_a_program_and_extra_hours_are_in_one_of_its_domains()
    {
        Assert.Throws<DomainRuleException>(() => WithEndorsements(Youth, new EndorsementDefinition("Y", "Young adults", "")));
        var error = Assert.Throws<DomainRuleException>(() => WithEndorsements(new EndorsementDefinition("V", "Veteran", "", "MIL", 8)));
        Assert.Contains("MIL", error.Message);
    }

    [Theory]
    [InlineData("2008-06-01", false)] // 17 on the day
    [InlineData("2008-05-31", true)] // 18 that day
    [InlineData("1996-06-01", true)] // 29 until tomorrow
    [InlineData("1996-05-31", false)] // 30 that day
    public void The_age_range_is_judged_in_whole_years_on_the_day_of_application(string born, bool met)
    {
        var results = Youth.Evaluate(10, 6, DateOnly.Parse(born), new DateOnly(2026, 5, 31), 50, 100);

        Assert.Equal(met, results.Single(r => r.Code == "endorsement:Y:age").IsMet);
        Assert.All(results, r => Assert.DoesNotContain(born[..4], r.Sentence)); // the sentence never tells the date of birth
    }

    [Fact]
    public void A_leap_day_birthday_counts_from_the_first_of_March_in_other_years()
    {
        Assert.Equal(17, EndorsementDefinition.AgeOn(new DateOnly(2008, 2, 29), new DateOnly(2026, 2, 28)));
        Assert.Equal(18, EndorsementDefinition.AgeOn(new DateOnly(2008, 2, 29), new DateOnly(2026, 3, 1)));
    }

    [Fact]
    public void Without_a_date_of_birth_the_age_is_not_met()
    {
        var age = Youth.Evaluate(10, 6, null, new DateOnly(2026, 5, 31), 50, 100).Single(r => r.Code == "endorsement:Y:age");

        Assert.False(age.IsMet);
        Assert.Contains("date of birth", age.Sentence);
    }

    [Theory]
    [InlineData(49.9, 100, false)]
    [InlineData(50, 100, true)]
    [InlineData(0, 0, false)]
    public void The_share_of_work_hours_with_the_population_is_at_least_the_percent_asked(double population, double total, bool met)
    {
        var share = Youth.Evaluate(10, 6, new DateOnly(2000, 1, 1), new DateOnly(2026, 5, 31), (decimal)population, (decimal)total)
            .Single(r => r.Code == "endorsement:Y:population");

        Assert.Equal(met, share.IsMet);
    }

    [Fact]
    public void Extra_domain_hours_come_on_top_of_what_the_credential_asks_of_the_domain()
    {
        var training = Youth.Evaluate(9.5m, 6, new DateOnly(2000, 1, 1), new DateOnly(2026, 5, 31), 50, 100).Single(r => r.Code == "endorsement:Y:training");
        Assert.Equal((9.5m, 10m, false), (training.Have, training.Need, training.IsMet));
        Assert.True(Youth.Evaluate(10, 6, new DateOnly(2000, 1, 1), new DateOnly(2026, 5, 31), 50, 100).Single(r => r.Code == "endorsement:Y:training").IsMet);
        Assert.Empty(Family.Evaluate(0, 6, null, new DateOnly(2026, 5, 31), 0, 0)); // nothing extra asked
    }

    [Fact]
    public void A_granted_endorsement_is_in_force_while_the_credential_is_and_is_recorded_in_its_history()
    {
        var credential = Issued.Issue();
        var grantedOn = Issued.IssuedOn.AddDays(30);

        credential.GrantEndorsement(Youth, grantedOn, Issued.Staff, Issued.Now);

        var entry = credential.History[^1];
        Assert.Equal((CredentialEventKind.EndorsementGranted, "Y", CredentialStatus.Active, CredentialStatus.Active), (entry.Kind, entry.EndorsementCode, entry.FromStatus, entry.ToStatus));
        Assert.Empty(credential.EndorsementsInForceOn(grantedOn.AddDays(-1)));
        Assert.Equal(["Y"], credential.EndorsementsInForceOn(grantedOn));
        Assert.Equal(EndorsementStatus.Active, credential.Endorsements.Single().StatusWith(credential.Status));
        var raised = Assert.IsType<CredentialChanged>(credential.DomainEvents[^1]);
        Assert.Equal("Y", raised.EndorsementCode);
    }

    [Fact]
    public void The_same_endorsement_is_not_granted_twice_nor_on_a_credential_not_in_force()
    {
        var credential = Issued.Issue();
        credential.GrantEndorsement(Youth, Issued.IssuedOn, Issued.Staff, Issued.Now);

        Assert.Throws<DomainRuleException>(() => credential.GrantEndorsement(Youth, Issued.IssuedOn.AddDays(1), Issued.Staff, Issued.Now));
        Assert.Throws<DomainRuleException>(() => Issued.In(CredentialStatus.Suspended).GrantEndorsement(Youth, Issued.ActedOn.AddDays(1), Issued.Staff, Issued.Now));
    }

    [Fact]
    public void A_withdrawal_needs_a_reason_and_ends_the_endorsement_from_its_day()
    {
        var credential = Issued.Issue();
        credential.GrantEndorsement(Youth, Issued.IssuedOn, Issued.Staff, Issued.Now);
        var withdrawnOn = Issued.IssuedOn.AddMonths(3);

        Assert.Throws<DomainRuleException>(() => credential.WithdrawEndorsement("Y", " ", withdrawnOn, Issued.Staff, Issued.Now));
        Assert.Throws<DomainRuleException>(() => credential.WithdrawEndorsement("F", "Not held.", withdrawnOn, Issued.Staff, Issued.Now));
        credential.WithdrawEndorsement("Y", "Granted in error.", withdrawnOn, Issued.Staff, Issued.Now);

        Assert.Equal(["Y"], credential.EndorsementsInForceOn(withdrawnOn.AddDays(-1)));
        Assert.Empty(credential.EndorsementsInForceOn(withdrawnOn));
        Assert.Equal(EndorsementStatus.Withdrawn, credential.Endorsements.Single().StatusWith(credential.Status));
        Assert.Equal((CredentialEventKind.EndorsementWithdrawn, "Granted in error."), (credential.History[^1].Kind, credential.History[^1].Reason));
        Assert.Throws<DomainRuleException>(() => credential.WithdrawEndorsement("Y", "Again.", withdrawnOn, Issued.Staff, Issued.Now));
        credential.GrantEndorsement(Youth, withdrawnOn.AddDays(10), Issued.Staff, Issued.Now); // a new grant is a new endorsement
        Assert.Equal(2, credential.Endorsements.Count);
    }

    [Fact]
    public void An_endorsement_ends_with_its_credential_and_returns_when_the_credential_is_renewed_in_grace()
    {
        var credential = Issued.Issue();
        credential.GrantEndorsement(Youth, Issued.IssuedOn, Issued.Staff, Issued.Now);
        var dayAfterExpiry = Issued.ExpiresOn.AddDays(1);
        credential.Expire(dayAfterExpiry, Issued.Now);

        Assert.Equal(EndorsementStatus.Ended, credential.Endorsements.Single().StatusWith(credential.Status));
        Assert.Empty(credential.EndorsementsInForceOn(dayAfterExpiry));
        Assert.Equal(["Y"], credential.EndorsementsInForceOn(Issued.ExpiresOn)); // the past stays as it was

        credential.Renew(Tennessee.RenewalCycleMonths, dayAfterExpiry.AddDays(5), Issued.Staff, Issued.Now);
        Assert.Equal(["Y"], credential.EndorsementsInForceOn(dayAfterExpiry.AddDays(5)));
        Assert.Empty(credential.EndorsementsInForceOn(dayAfterExpiry.AddDays(2)));
    }
}

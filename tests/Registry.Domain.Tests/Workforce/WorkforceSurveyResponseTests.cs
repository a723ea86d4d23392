using System.Reflection;
using Registry.Domain.Common;
using Registry.Domain.Jurisdictions;
using Registry.Domain.Workforce;

namespace Registry.Domain.Tests.Workforce;

public class WorkforceSurveyResponseTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 15, 0, 0, TimeSpan.Zero);

    private static WorkforceSurveyResponse Answer(SurveyOccasion occasion, WorkforceAnswers answers) =>
        new(Guid.NewGuid(), StateCode.Parse("TN"), Guid.NewGuid(), occasion, occasion == SurveyOccasion.AnnualPulse ? null : Guid.NewGuid(), null,
            answers, new DateOnly(2026, 3, 2), At);

    [Fact]
    public void Skipped_questions_stay_null_and_prefer_not_to_say_is_kept_apart_from_them()
    {
        var response = Answer(SurveyOccasion.Application, new WorkforceAnswers
        {
            RaceEthnicity = RaceEthnicity.Asian | RaceEthnicity.White, Gender = GenderAnswer.PreferNotToSay, HoursDeclined = true,
        });

        Assert.Equal(RaceEthnicity.Asian | RaceEthnicity.White, response.RaceEthnicity);
        Assert.Equal(GenderAnswer.PreferNotToSay, response.Gender);
        Assert.Null(response.Languages);
        Assert.Null(response.HoursPerWeek);
        Assert.True(response.HoursDeclined);
        Assert.False(response.CountyDeclined);
        Assert.Null(response.CountyOfPractice);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(81)]
    public void Hours_outside_0_to_80_are_refused(int hours) =>
        Assert.Throws<DomainRuleException>(() => Answer(SurveyOccasion.Renewal, new WorkforceAnswers { HoursPerWeek = hours }));

    [Fact]
    public void Prefer_not_to_say_stands_alone_among_several_choices()
    {
        Assert.Throws<DomainRuleException>(() => Answer(SurveyOccasion.Application, new WorkforceAnswers { RaceEthnicity = RaceEthnicity.PreferNotToSay | RaceEthnicity.Asian }));
        Assert.Throws<DomainRuleException>(() => Answer(SurveyOccasion.Application, new WorkforceAnswers { Languages = ServiceLanguages.PreferNotToSay | ServiceLanguages.Spanish }));
        Assert.Throws<DomainRuleException>(() => Answer(SurveyOccasion.Application, new WorkforceAnswers { Languages = ServiceLanguages.None }));
        Assert.Throws<DomainRuleException>(() => Answer(SurveyOccasion.Application,
            new WorkforceAnswers { CountyOfPractice = CountyCode.Parse("47037"), CountyDeclined = true }));
    }

    [Fact]
    public void The_yearly_pulse_asks_only_the_employment_questions()
    {
        var pulse = Answer(SurveyOccasion.AnnualPulse, new WorkforceAnswers { Employment = EmploymentAnswer.PeerRole, Setting = PracticeSetting.Crisis, HoursPerWeek = 32 });
        Assert.Equal(32, pulse.HoursPerWeek);

        Assert.Throws<DomainRuleException>(() => Answer(SurveyOccasion.AnnualPulse, new WorkforceAnswers { Gender = GenderAnswer.Woman }));
    }

    [Fact]
    public void Answers_given_again_replace_the_earlier_ones()
    {
        var response = Answer(SurveyOccasion.Renewal, new WorkforceAnswers { Employment = EmploymentAnswer.OtherRole });

        response.Replace(new WorkforceAnswers { Employment = EmploymentAnswer.PeerRole, HoursPerWeek = 20 }, new DateOnly(2026, 3, 5), At.AddDays(3));

        Assert.Equal(EmploymentAnswer.PeerRole, response.Employment);
        Assert.Equal(new DateOnly(2026, 3, 5), response.AnsweredOn);
        Assert.Equal(new WorkforceAnswers { Employment = EmploymentAnswer.PeerRole, HoursPerWeek = 20 }, response.Answers);
    }

    [Fact]
    public void Every_answer_is_private_data()
    {
        var answers = typeof(WorkforceAnswers).GetProperties().Where(p => p.CanWrite).Select(p => p.Name).ToList();
        Assert.Equal(11, answers.Count);
        foreach (var name in answers)
            Assert.NotNull(typeof(WorkforceSurveyResponse).GetProperty(name)!.GetCustomAttribute<PrivateDataAttribute>());
    }
}

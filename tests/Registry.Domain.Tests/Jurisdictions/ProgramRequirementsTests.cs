using Registry.Domain.Common;
using Registry.Domain.Jurisdictions;
using Registry.Domain.Tests.Support;

namespace Registry.Domain.Tests.Jurisdictions;

public class ProgramRequirementsTests
{
    [Fact]
    public void Valid_requirements_keep_what_they_were_given()
    {
        var reciprocal = Guid.NewGuid();

        var requirements = Tennessee.Requirements(attestations: ["A", "A", "B"], reciprocityProgramIds: [reciprocal, reciprocal]);

        Assert.Equal((46m, 500m, 25m, 2), (requirements.TrainingHoursTotal, requirements.SupervisedWorkHours, requirements.SupervisionHours, requirements.ReferencesRequired));
        Assert.Equal((24, 30m, 6m, 90, 90), (requirements.RenewalCycleMonths, requirements.ContinuingEducationHours, requirements.EthicsContinuingEducationHours, requirements.GracePeriodDays, requirements.RenewalWindowDays));
        Assert.Equal(["A", "B"], requirements.RequiredAttestations); // duplicates dropped
        Assert.Equal([reciprocal], requirements.ReciprocityProgramIds);
        Assert.Equal(6m, Assert.Single(requirements.TrainingDomains).MinimumHours);
        Assert.Equal(70, requirements.Exam!.PassingScore);
    }

    [Theory]
    [InlineData("training")]
    [InlineData("supervisedWork")]
    [InlineData("supervision")]
    [InlineData("continuingEducation")]
    [InlineData("ethics")]
    public void Negative_hours_are_refused(string which)
    {
        Assert.Throws<DomainRuleException>(() => which switch
        {
            "training" => new ProgramRequirements(-1, [], 0, 0, 0, null, [], 24, 0, 0, 0, 0),
            "supervisedWork" => Tennessee.Requirements(supervisedWorkHours: -1),
            "supervision" => Tennessee.Requirements(supervisionHours: -0.5m),
            "continuingEducation" => Tennessee.Requirements(continuingEducationHours: -1, ethicsHours: -2),
            _ => Tennessee.Requirements(ethicsHours: -1),
        });
    }

    [Fact]
    public void Domain_hours_may_not_exceed_the_training_total()
    {
        Assert.Throws<DomainRuleException>(() => Tennessee.Requirements(trainingHours: 40, domainHours: 40.5m));
        Assert.Equal(40m, Tennessee.Requirements(trainingHours: 40, domainHours: 40).TrainingHoursTotal);
    }

    [Fact]
    public void Several_domains_together_may_not_exceed_the_training_total()
    {
        TrainingDomainRequirement[] domains = [new("ETH", "Ethics", 20), new("ADV", "Advocacy", 21)];

        Assert.Throws<DomainRuleException>(() => new ProgramRequirements(40, domains, 0, 0, 0, null, [], 24, 0, 0, 0, 0));
    }

    [Fact]
    public void Ethics_continuing_education_may_not_exceed_the_continuing_education_total()
    {
        Assert.Throws<DomainRuleException>(() => Tennessee.Requirements(continuingEducationHours: 10, ethicsHours: 10.5m));
        Assert.Equal(10m, Tennessee.Requirements(continuingEducationHours: 10, ethicsHours: 10).EthicsContinuingEducationHours);
    }

    [Theory]
    [InlineData("references", -1)]
    [InlineData("references", 11)]
    [InlineData("cycle", 0)]
    [InlineData("cycle", 61)]
    [InlineData("grace", -1)]
    [InlineData("grace", 731)]
    [InlineData("window", -1)]
    [InlineData("window", 366)]
    public void Counts_outside_their_bounds_are_refused(string which, int value)
    {
        Assert.Throws<DomainRuleException>(() => Build(which, value));
    }

    [Theory]
    [InlineData("references", 0)]
    [InlineData("references", 10)]
    [InlineData("cycle", 1)]
    [InlineData("cycle", 60)]
    [InlineData("grace", 0)]
    [InlineData("grace", 730)]
    [InlineData("window", 0)]
    [InlineData("window", 365)]
    public void Counts_at_their_bounds_are_accepted(string which, int value)
    {
        Assert.NotNull(Build(which, value));
    }

    private static ProgramRequirements Build(string which, int value) => which switch
    {
        "references" => Tennessee.Requirements(referencesRequired: value),
        "cycle" => Tennessee.Requirements(renewalCycleMonths: value),
        "grace" => Tennessee.Requirements(gracePeriodDays: value),
        _ => Tennessee.Requirements(renewalWindowDays: value),
    };

    [Theory]
    [InlineData("", "Ethics", 1)]
    [InlineData("ETH", " ", 1)]
    [InlineData("ETH", "Ethics", -1)]
    public void A_training_domain_needs_a_code_a_name_and_non_negative_hours(string code, string name, decimal hours)
    {
        Assert.Throws<DomainRuleException>(() => new TrainingDomainRequirement(code, name, hours));
    }

    [Theory]
    [InlineData(0, 30, 3, 365)]
    [InlineData(70, -1, 3, 365)]
    [InlineData(70, 30, 0, 365)]
    [InlineData(70, 30, 3, 0)]
    public void An_exam_needs_a_positive_passing_score_and_room_for_an_attempt(int passing, int wait, int attempts, int window)
    {
        Assert.Throws<DomainRuleException>(() => new ExamRequirement(passing, wait, attempts, window));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(69, false)]
    [InlineData(70, true)]
    [InlineData(100, true)]
    public void An_exam_is_passed_at_or_above_the_passing_score(int score, bool passes)
    {
        Assert.Equal(passes, new ExamRequirement(70, 30, 3, 365).IsPassing(score));
    }
}

using Registry.Domain.Jurisdictions;

namespace Registry.Domain.Tests.Jurisdictions;

public class ProgramTemplatesTests
{
    [Fact]
    public void Each_template_builds_valid_requirements_of_its_own_each_time()
    {
        Assert.Equal(["icrc-peer-recovery", "annual-calendar-year", "biennial"], ProgramTemplates.All.Select(t => t.Key));
        Assert.All(ProgramTemplates.All, template =>
        {
            Assert.False(string.IsNullOrWhiteSpace(template.Name));
            Assert.False(string.IsNullOrWhiteSpace(template.Description));
            Assert.NotSame(template.Build(), template.Build());
            Assert.Equal(ProgramTemplates.StandardAttestations, template.Build().RequiredAttestations);
        });
        Assert.Same(ProgramTemplates.All[1], ProgramTemplates.Find("annual-calendar-year"));
        Assert.Null(ProgramTemplates.Find("no-such-template"));
    }

    [Fact]
    public void The_ICRC_template_has_the_models_numbers()
    {
        var r = ProgramTemplates.Find("icrc-peer-recovery")!.Build();

        Assert.Equal(46, r.TrainingHoursTotal);
        Assert.Equal(
            [("ADVOCACY", "Advocacy", 10m), ("MENTORING", "Mentoring and education", 10m), ("RECOVERY", "Recovery and wellness support", 10m), ("ETHICS", "Ethical responsibility", 16m)],
            r.TrainingDomains.Select(d => (d.Code, d.Name, d.MinimumHours)));
        Assert.Equal((500m, 25m), (r.SupervisedWorkHours, r.SupervisionHours));
        Assert.Equal(500, r.Exam!.PassingScore);
        Assert.False(r.Exam.IsPassing(499));
        Assert.Equal((24, 20m, 6m), (r.RenewalCycleMonths, r.ContinuingEducationHours, r.EthicsContinuingEducationHours));
        Assert.Null(r.RenewsOnMonth);
    }

    [Fact]
    public void The_annual_template_renews_every_31_December_and_the_biennial_one_two_years_from_issue()
    {
        var annual = ProgramTemplates.Find("annual-calendar-year")!.Build();
        Assert.Equal((12, 12, 31), (annual.RenewalCycleMonths, annual.RenewsOnMonth, annual.RenewsOnDay));
        Assert.Equal(new DateOnly(2027, 12, 31), annual.ExpiryFor(new DateOnly(2027, 3, 10)));
        Assert.True(annual.ContinuingEducationHours > 0);

        var biennial = ProgramTemplates.Find("biennial")!.Build();
        Assert.Null(biennial.RenewsOnMonth);
        Assert.Equal(new DateOnly(2029, 3, 10), biennial.ExpiryFor(new DateOnly(2027, 3, 10)));
    }
}

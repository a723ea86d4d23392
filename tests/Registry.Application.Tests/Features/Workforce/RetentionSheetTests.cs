using Registry.Application.Common.Interfaces;
using Registry.Application.Features.Workforce;
using Registry.Domain.Credentials;
using Registry.Domain.Jurisdictions;
using Registry.Domain.Workforce;
using Registry.Testing;
using static Registry.Application.Tests.Features.Workforce.ExportedWorkbook;
using static Registry.Application.Tests.Features.Workforce.WorkforceHistory;

namespace Registry.Application.Tests.Features.Workforce;

/// <summary>The Retention sheet read back from the workbook, for a seeded history with two cohorts, endorsements and answers.</summary>
public sealed class RetentionSheetTests(SliceFixture fixture) : SliceTest(fixture)
{
    private static readonly DateOnly End = new(2025, 6, 30), PastEnd = new(2024, 12, 31);
    private static readonly Guid Staff = Guid.NewGuid();
    private static readonly string[] EmploymentColumns = ["Peer role", "Other role", "Not working", "Answered", "Share in peer roles"];
    private static readonly string[] AttritionColumns = ["First certified", "No longer in force", "Share no longer in force"];

    private async Task SeedAsync()
    {
        var tn = TestData.State("TN", "Tennessee", "CPRS", TestData.NoRequirements());
        var program = tn.Programs[0];
        var youth = new EndorsementDefinition("Y", "Youth", "");
        var family = new EndorsementDefinition("F", "Family", "");
        var entities = new List<object> { tn };
        Credential Issue(string name, DateOnly on)
        {
            var person = TestData.Person(name, "Holder");
            var credential = Credential.Issue(program, person.Id, on, Staff, At(on));
            entities.AddRange([person, credential]);
            return credential;
        }
        void Answer(Credential credential, SurveyOccasion occasion, EmploymentAnswer employment, DateOnly on) =>
            entities.Add(new WorkforceSurveyResponse(credential.HolderPersonId, tn.Code, program.Id, occasion,
                occasion == SurveyOccasion.AnnualPulse ? null : Guid.NewGuid(), occasion == SurveyOccasion.Application ? null : credential.Id,
                new WorkforceAnswers { Employment = employment }, on, At(on)));

        // Cohort 2023.
        var ada = Issue("Ada", D(2023, 3, 1));                          // Y and F; other role in 2024, peer role in 2025
        ada.GrantEndorsement(youth, D(2024, 1, 10), Staff, At(D(2024, 1, 10)));
        ada.GrantEndorsement(family, D(2024, 2, 1), Staff, At(D(2024, 2, 1)));
        Answer(ada, SurveyOccasion.Renewal, EmploymentAnswer.OtherRole, D(2024, 6, 1));
        Answer(ada, SurveyOccasion.AnnualPulse, EmploymentAnswer.PeerRole, D(2025, 3, 1));
        var bea = Issue("Bea", D(2023, 5, 1));                          // F withdrawn on the last day; not working, answered in 2025
        bea.GrantEndorsement(family, D(2024, 2, 1), Staff, At(D(2024, 2, 1)));
        bea.WithdrawEndorsement("F", "No longer eligible.", End, Staff, At(End));
        Answer(bea, SurveyOccasion.AnnualPulse, EmploymentAnswer.NotWorking, D(2025, 2, 1));
        var cal = Issue("Cal", D(2023, 7, 1));                          // suspended in 2025: not in force, answer not counted
        Answer(cal, SurveyOccasion.AnnualPulse, EmploymentAnswer.PeerRole, D(2025, 1, 15));
        cal.Suspend("Complaint.", D(2025, 4, 1), null, Staff, At(D(2025, 4, 1)));

        // Cohort 2024.
        var dev = Issue("Dev", D(2024, 2, 1));                          // Y; peer role at application and again in 2025
        dev.GrantEndorsement(youth, D(2024, 3, 1), Staff, At(D(2024, 3, 1)));
        Answer(dev, SurveyOccasion.Application, EmploymentAnswer.PeerRole, D(2024, 3, 1));
        Answer(dev, SurveyOccasion.AnnualPulse, EmploymentAnswer.PeerRole, D(2025, 5, 1));
        var eli = Issue("Eli", D(2024, 6, 1));                          // latest answer is prefer not to say: left out
        Answer(eli, SurveyOccasion.AnnualPulse, EmploymentAnswer.PeerRole, D(2025, 1, 1));
        Answer(eli, SurveyOccasion.Renewal, EmploymentAnswer.PreferNotToSay, D(2025, 6, 1));
        var fay = Issue("Fay", D(2024, 8, 1));                          // relinquished in 2025
        fay.Relinquish(D(2025, 2, 1), Staff, At(D(2025, 2, 1)), "Retiring.");

        Issue("Gus", D(2025, 7, 15));                                   // after the period: counted nowhere
        await Fixture.InsertAsync([.. entities]);
    }

    private async Task<ExportedWorkbook> ExportAsync(DateOnly to)
    {
        var report = await Fixture.SendAsync(new ExportWorkforce.Query { From = to.AddMonths(-6).AddDays(1), To = to, States = ["TN"] }, TestUsers.SystemAdmin());
        using var file = new MemoryStream();
        Fixture.GetService<IWorkforceWorkbook>().Write(report, file);
        return Open(file.ToArray());
    }

    private static string Employment(ExportedWorkbook workbook) => string.Join("\n",
        workbook.Rows("Retention", "RetentionEmployment").Select(r => $"{r["State"]} {r["By"]} {r["Group"]}: {Numbers(r, EmploymentColumns)}"));

    private static string Attrition(ExportedWorkbook workbook) => string.Join("\n",
        workbook.Rows("Retention", "RetentionAttrition").Select(r => $"{r["State"]} {r["Cohort"]}: {Numbers(r, AttritionColumns)}"));

    private static string Lines(Dictionary<string, string> lines) => string.Join("\n", lines.Select(l => $"{l.Key}: {l.Value}"));

    [Fact]
    public async Task Peer_role_shares_by_state_endorsement_and_cohort_and_attrition_by_cohort_read_back_exactly()
    {
        await SeedAsync();

        using var workbook = await ExportAsync(End);

        Assert.Equal(Lines(new Dictionary<string, string>
        {
            ["TN State All"] = "Peer role=2 Other role=0 Not working=1 Answered=3 Share in peer roles=0.6667",
            ["TN Endorsement F"] = "Peer role=1 Other role=0 Not working=0 Answered=1 Share in peer roles=1",
            ["TN Endorsement Y"] = "Peer role=2 Other role=0 Not working=0 Answered=2 Share in peer roles=1",
            ["TN Cohort 2023"] = "Peer role=1 Other role=0 Not working=1 Answered=2 Share in peer roles=0.5",
            ["TN Cohort 2024"] = "Peer role=1 Other role=0 Not working=0 Answered=1 Share in peer roles=1",
        }), Employment(workbook));
        Assert.Equal(Lines(new Dictionary<string, string>
        {
            ["TN 2023"] = "First certified=3 No longer in force=1 Share no longer in force=0.3333",
            ["TN 2024"] = "First certified=3 No longer in force=1 Share no longer in force=0.3333",
        }), Attrition(workbook));
        Assert.Contains(workbook.Rows("Definitions", "Definitions"), r => r["Column"] == "Share in peer roles");
        var shareCell = workbook.Workbook.Worksheet("Retention").Table("RetentionEmployment").DataRange.FirstRow().Cell(8);
        Assert.Equal("0.0%", shareCell.Style.NumberFormat.Format); // shown as a percentage
    }

    [Fact]
    public async Task A_past_period_ignores_later_answers_endorsements_and_changes()
    {
        await SeedAsync();

        using var workbook = await ExportAsync(PastEnd);

        Assert.Equal(Lines(new Dictionary<string, string>
        {
            ["TN State All"] = "Peer role=1 Other role=1 Not working=0 Answered=2 Share in peer roles=0.5",
            ["TN Endorsement F"] = "Peer role=0 Other role=1 Not working=0 Answered=1 Share in peer roles=0",
            ["TN Endorsement Y"] = "Peer role=1 Other role=1 Not working=0 Answered=2 Share in peer roles=0.5",
            ["TN Cohort 2023"] = "Peer role=0 Other role=1 Not working=0 Answered=1 Share in peer roles=0",
            ["TN Cohort 2024"] = "Peer role=1 Other role=0 Not working=0 Answered=1 Share in peer roles=1",
        }), Employment(workbook));
        Assert.Equal(Lines(new Dictionary<string, string>
        {
            ["TN 2023"] = "First certified=3 No longer in force=0 Share no longer in force=0",
            ["TN 2024"] = "First certified=3 No longer in force=0 Share no longer in force=0",
        }), Attrition(workbook));
    }
}

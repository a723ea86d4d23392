using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Features.OpenData;
using Registry.Application.Features.Workforce;
using Registry.Domain.Credentials;
using Registry.Domain.Jurisdictions;
using Registry.Domain.People;
using Registry.Domain.Workforce;
using Registry.Infrastructure.Exports.Workforce;
using Registry.Testing;

namespace Registry.Application.Tests.Features.OpenData;

/// <summary>
/// Endorsements and minimum-data-set answers are counted for the credentials in force on a day, as the histories
/// stood that day: a later grant, withdrawal, suspension or answer does not change a past day's counts.
/// </summary>
public sealed class WorkforceDimensionsTests(SliceFixture fixture) : SliceTest(fixture)
{
    private static readonly DateOnly May31 = new(2025, 5, 31);
    private static readonly DateOnly June30 = new(2025, 6, 30);
    private static readonly EndorsementDefinition Youth = new("Y", "Youth", "Supports young people.");
    private static readonly DateTimeOffset At = TestClock.Start;
    private readonly Jurisdiction tennessee = TestData.State("TN", "Tennessee", "CPRS", new ProgramRequirements(
        trainingHoursTotal: 0, trainingDomains: [], supervisedWorkHours: 0, supervisionHours: 0, referencesRequired: 0, exam: null,
        requiredAttestations: [], renewalCycleMonths: 24, continuingEducationHours: 0, ethicsContinuingEducationHours: 0,
        gracePeriodDays: 30, renewalWindowDays: 90, endorsements: [Youth]));
    private readonly List<object> entities = [];

    [Fact]
    public async Task Endorsements_count_on_a_day_only_when_granted_not_withdrawn_and_the_credential_in_force()
    {
        foreach (var _ in Enumerable.Range(0, 3)) Peer("Davidson").GrantEndorsement(Youth, new(2025, 2, 1), Guid.Empty, At);
        var withdrawn = Peer("Davidson");
        withdrawn.GrantEndorsement(Youth, new(2025, 2, 1), Guid.Empty, At);
        withdrawn.WithdrawEndorsement("Y", "Moved to adult services.", new(2025, 6, 10), Guid.Empty, At);
        var suspended = Peer("Knox");
        suspended.GrantEndorsement(Youth, new(2025, 2, 1), Guid.Empty, At);
        suspended.Suspend("Under review.", new(2025, 6, 15), null, Guid.Empty, At);
        Peer("Davidson").GrantEndorsement(Youth, new(2025, 7, 5), Guid.Empty, At);
        Peer("Shelby");
        await Fixture.InsertAsync([tennessee, .. entities]);

        Assert.Equal(["Davidson Y 3"], await EndorsementsAsync(June30));
        Assert.Equal(["Davidson Y 4", "Knox Y 1"], await EndorsementsAsync(May31));
        Assert.Empty(await EndorsementsAsync(new(2025, 1, 31)));
    }

    [Fact]
    public async Task Each_question_counts_the_latest_answer_on_the_day_and_answers_about_work_only_from_the_last_year()
    {
        var changedMind = Peer("Davidson");
        Answer(changedMind, SurveyOccasion.Application, new(2025, 3, 1), new WorkforceAnswers { Gender = GenderAnswer.Woman });
        Answer(changedMind, SurveyOccasion.Renewal, new(2025, 7, 2), new WorkforceAnswers { Gender = GenderAnswer.PreferNotToSay });
        var answeredLongAgo = Peer("Davidson");
        Answer(answeredLongAgo, SurveyOccasion.Application, new(2024, 5, 1), new WorkforceAnswers { Employment = EmploymentAnswer.PeerRole, Gender = GenderAnswer.Man });
        var pulse = Peer("Knox");
        Answer(pulse, SurveyOccasion.AnnualPulse, new(2025, 6, 1), new WorkforceAnswers { Employment = EmploymentAnswer.OtherRole, HoursDeclined = true });
        var several = Peer("Knox");
        Answer(several, SurveyOccasion.Application, new(2025, 1, 20), new WorkforceAnswers
        {
            RaceEthnicity = RaceEthnicity.White | RaceEthnicity.Asian, Languages = ServiceLanguages.English | ServiceLanguages.Spanish, HoursPerWeek = 20,
        });
        var suspended = Peer("Shelby");
        Answer(suspended, SurveyOccasion.Application, new(2025, 2, 1), new WorkforceAnswers { Gender = GenderAnswer.NonBinary });
        suspended.Suspend("Under review.", new(2025, 6, 15), null, Guid.Empty, At);
        Peer("Shelby");
        await Fixture.InsertAsync([tennessee, .. entities]);

        var june = await Fixture.RunAsync<IWorkforceDimensions, IReadOnlyList<SurveyAnswerCountRow>>(d => d.SurveyAnswersInForceAsync(June30, [tennessee.Code], CancellationToken.None));
        Assert.Equal("Gender: Man 1, Woman 1 | Hours: 20 1, Declined 1 | Employment: OtherRole 1 | Languages: 3 1 | RaceEthnicity: 66 1", Render(june));
        var april = await Fixture.RunAsync<IWorkforceDimensions, IReadOnlyList<SurveyAnswerCountRow>>(d => d.SurveyAnswersInForceAsync(new(2025, 4, 30), [tennessee.Code], CancellationToken.None));
        Assert.Equal("Gender: Man 1, NonBinary 1, Woman 1 | Hours: 20 1 | Employment: PeerRole 1 | Languages: 3 1 | RaceEthnicity: 66 1", Render(april));

        // Six in force on June 30 (the suspended one is not): each question's categories add up to them.
        string Categories(string question) => string.Join(", ", SurveyDistribution.Questions.Single(q => q.Name == question).Categories
            .Zip(SurveyDistribution.Questions.Single(q => q.Name == question).Counts(june, inForce: 6)).Where(c => c.Second > 0).Select(c => $"{c.First} {c.Second}"));
        Assert.Equal("Woman 1, Man 1, Not answered 4", Categories(SurveyQuestions.Gender));
        Assert.Equal("More than one 1, Not answered 5", Categories(SurveyQuestions.RaceEthnicity));
        Assert.Equal("Spanish, alone or with other languages 1, Not answered 5", Categories(SurveyQuestions.Languages));
        Assert.Equal("Working, not in a peer role 1, Not answered 5", Categories(SurveyQuestions.Employment));
        Assert.Equal("20 to 34 1, Prefer not to say 1, Not answered 4", Categories(SurveyQuestions.Hours));
    }

    [Fact]
    public async Task The_months_open_data_publishes_endorsements_by_state_and_county_and_the_answers_by_state_adding_up_to_the_active_peers()
    {
        await SeedFiftyNinePeersAsync();

        await Fixture.RunAsync<WorkforceSnapshotJob, bool>(job => job.PublishOpenDataAsync(new(2025, 6, 1)));

        var document = OpenDataDocument.FromJson(await Fixture.QueryAsync(db => db.OpenDataReleases.AsNoTracking().Select(r => r.Json).SingleAsync()));
        Assert.Equal("Tennessee: 42 = 42 | Total: 42 = 42", Render(document.Tables.Single(t => t.Id == "endorsements-by-state")));
        // The county lines of the program table (Shelby's 4 with the small counties); Knox is hidden so the zero beside it cannot be worked out.
        Assert.Equal("Davidson County: 30 = 30 | Knox County: x = x | Counties with fewer than 11 each: x = x | Total: 42 = 42",
            Render(document.Tables.Single(t => t.Id == "endorsements-by-state-by-county-tn")));
        var gender = document.Tables.Single(t => t.Id == "workforce-answers-gender");
        Assert.Equal(["Woman", "Man", "Non-binary", "Another gender", "Prefer not to say", "Not answered"], gender.Columns);
        Assert.Equal("Tennessee: 15 12 x x x 32 = 59 | Total: 15 12 x x x 32 = 59", Render(gender));
    }

    [Fact]
    public async Task The_state_dashboard_shows_endorsements_and_the_answers_only_as_counts_with_small_ones_hidden()
    {
        await SeedFiftyNinePeersAsync();

        var dashboard = await Fixture.SendAsync(new GetWorkforceDashboard.Query("TN"), TestUsers.StateAdmin("TN"));

        Assert.Equal("CPRS Y Youth 42", string.Join(" | ", dashboard.Endorsements.Select(e => $"{e.Program} {e.Code} {e.Name} {e.InForce}")));
        var gender = dashboard.Answers.Single(a => a.Question == "Gender");
        Assert.Equal("Woman 15, Man 12, Non-binary hidden, Another gender hidden, Prefer not to say hidden, Not answered 32; total 59",
            string.Join(", ", gender.Categories.Select(c => $"{c.Category} {c.Count?.ToString(CultureInfo.InvariantCulture) ?? "hidden"}")) + $"; total {gender.Total}");
        Assert.All(dashboard.Answers, a => Assert.Equal(59, a.Total));
        Assert.All(dashboard.Answers.SelectMany(a => a.Categories), c => Assert.True(c.Count is null or >= SmallCellSuppression.Threshold, $"{c.Category} {c.Count}"));
    }

    [Fact]
    public async Task The_workbook_reads_back_endorsements_in_force_granted_and_withdrawn_and_the_answers_for_the_period()
    {
        var withdrawn = Peer("Knox");
        withdrawn.GrantEndorsement(Youth, new(2025, 1, 15), Guid.Empty, At);
        withdrawn.WithdrawEndorsement("Y", "Moved to adult services.", new(2025, 3, 10), Guid.Empty, At);
        Peer("Knox").GrantEndorsement(Youth, new(2025, 8, 1), Guid.Empty, At); // after the period
        await SeedFiftyNinePeersAsync();

        var report = await Fixture.SendAsync(new ExportWorkforce.Query { From = new(2025, 1, 1), To = June30, States = ["TN"] }, TestUsers.SystemAdmin());
        using var file = new MemoryStream();
        Fixture.GetService<IWorkforceWorkbook>().Write(report, file);
        using var workbook = Features.Workforce.ExportedWorkbook.Open(file.ToArray());

        // 42 granted on 1 February 2025 and one in January, withdrawn in March; the August grant is after the period.
        Assert.Equal(["TN CPRS Y Youth 42 43 1"], workbook.Rows("Endorsements", "Endorsements")
            .Select(r => $"{r["State"]} {r["Program code"]} {r["Endorsement code"]} {r["Endorsement"]} {r["In force"]} {r["Granted in period"]} {r["Withdrawn in period"]}"));
        Assert.Equal("In force=42 Granted in period=43 Withdrawn in period=1",
            Features.Workforce.ExportedWorkbook.Numbers(workbook.TotalRow("Endorsements", "Endorsements"), "In force", "Granted in period", "Withdrawn in period"));
        var gender = workbook.Rows("Workforce answers", "WorkforceAnswers").Where(r => r["Question"] == "Gender")
            .Select(r => $"{r["Answer"]} {r["Active peer specialists"]}");
        Assert.Equal(["Woman 15", "Man 12", "Non-binary fewer than 11 or hidden", "Another gender fewer than 11 or hidden", "Prefer not to say fewer than 11 or hidden",
            "Not answered 34", "Total 61"], gender);
        Assert.Contains(workbook.Rows("Definitions", "Definitions"), r => r["Column"] == "Workforce answers" && r["What it counts"].Contains("Not answered"));
    }

    private async Task SeedFiftyNinePeersAsync()
    {
        for (var i = 0; i < 30; i++)
        {
            var peer = Peer("Davidson");
            peer.GrantEndorsement(Youth, new(2025, 2, 1), Guid.Empty, At);
            if (i < 15) Answer(peer, SurveyOccasion.Application, new(2025, 1, 20), new WorkforceAnswers { Gender = GenderAnswer.Woman });
        }
        for (var i = 0; i < 25; i++)
        {
            var peer = Peer("Knox");
            if (i < 12) peer.GrantEndorsement(Youth, new(2025, 2, 1), Guid.Empty, At);
            if (i < 12) Answer(peer, SurveyOccasion.Application, new(2025, 1, 20), new WorkforceAnswers { Gender = GenderAnswer.Man });
        }
        for (var i = 0; i < 4; i++) Peer("Shelby");
        await Fixture.InsertAsync([tennessee, .. entities]);
    }

    private Credential Peer(string county)
    {
        var person = TestData.Person(county, "Peer");
        person.UpdateContact(null, null, new PostalAddress("1 Main St", null, "Town", county, tennessee.Code, "37203"));
        var issuedOn = new DateOnly(2025, 1, 10);
        var credential = Credential.Issue(tennessee.Programs[0], person.Id, issuedOn, Guid.Empty, new DateTimeOffset(issuedOn.ToDateTime(new TimeOnly(15, 0)), TimeSpan.Zero));
        entities.AddRange([person, credential]);
        return credential;
    }

    private void Answer(Credential credential, SurveyOccasion occasion, DateOnly on, WorkforceAnswers answers) =>
        entities.Add(new WorkforceSurveyResponse(credential.HolderPersonId, tennessee.Code, credential.ProgramId, occasion,
            occasion == SurveyOccasion.AnnualPulse ? null : Guid.NewGuid(), credential.Id, answers, on, new DateTimeOffset(on.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero)));

    private async Task<IReadOnlyList<string>> EndorsementsAsync(DateOnly on) =>
        [.. (await Fixture.RunAsync<IWorkforceDimensions, IReadOnlyList<EndorsementCountRow>>(d => d.EndorsementsInForceAsync(on, [tennessee.Code], CancellationToken.None)))
            .Select(r => $"{r.County} {r.Code} {r.Count}").Order(StringComparer.Ordinal)];

    /// <summary>Each row as "label: cells = total", a hidden figure as x and a cell that is no figure as -.</summary>
    private static string Render(OpenDataDocument.Table table) =>
        string.Join(" | ", table.Rows.Append(table.Totals).Select(r => $"{r.Label}: {string.Join(" ", r.Cells.Select(Figure))} = {Figure(r.Total)}"));

    private static string Figure(OpenDataDocument.Figure? figure) =>
        figure is null ? "-" : figure.Suppressed ? "x" : figure.Count!.Value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Questions in a fixed order, answers sorted: "Question: answer count, ... | ...".</summary>
    private static string Render(IReadOnlyList<SurveyAnswerCountRow> rows) =>
        string.Join(" | ", new[] { SurveyQuestions.Gender, SurveyQuestions.Hours, SurveyQuestions.Employment, SurveyQuestions.Languages, SurveyQuestions.RaceEthnicity }
            .Select(q => $"{q}: {string.Join(", ", rows.Where(r => r.Question == q).OrderBy(r => r.Answer, StringComparer.Ordinal).Select(r => $"{r.Answer} {r.Count}"))}"));
}

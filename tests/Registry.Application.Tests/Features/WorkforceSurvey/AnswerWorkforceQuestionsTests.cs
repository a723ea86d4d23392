using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Features.Applications;
using Registry.Application.Features.WorkforceSurvey;
using Registry.Application.Tests.Features.Applications;
using Registry.Domain.Jurisdictions;
using Registry.Domain.Workforce;
using Registry.Testing;

namespace Registry.Application.Tests.Features.WorkforceSurvey;

/// <summary>The voluntary workforce questions asked with an application: recorded for the applicant only, audited without the answers.</summary>
public sealed class AnswerWorkforceQuestionsTests(SliceFixture fixture) : SliceTest(fixture)
{
    private static readonly WorkforceAnswers Distinctive = new()
    {
        RaceEthnicity = RaceEthnicity.NativeHawaiianOrPacificIslander | RaceEthnicity.HispanicOrLatino,
        Gender = GenderAnswer.NonBinary,
        Languages = ServiceLanguages.Tagalog | ServiceLanguages.English,
        Veteran = VeteranAnswer.PreferNotToSay,
        Education = EducationLevel.AssociateDegree,
        Employment = EmploymentAnswer.PeerRole,
        Setting = PracticeSetting.RecoveryCommunityOrganization,
        CountyOfPractice = CountyCode.Parse("47137"),
        HoursPerWeek = 37,
    };

    private async Task<(ApplicationScenario Scenario, Guid ApplicationId)> SubmittedAsync()
    {
        var scenario = await ApplicationScenario.ArrangeAsync(Fixture);
        var applicant = TestUsers.Applicant(scenario.Applicant.Id);
        var started = await Fixture.SendAsync(new StartApplication.Command { ProgramId = scenario.TennesseeProgram.Id }, applicant);
        await Fixture.SendAsync(new SubmitApplication.Command(started.ApplicationId), applicant);
        return (scenario, started.ApplicationId);
    }

    [Fact]
    public async Task The_applicant_answers_for_their_application_and_the_log_says_only_that_they_did()
    {
        var (scenario, applicationId) = await SubmittedAsync();
        var applicant = TestUsers.Applicant(scenario.Applicant.Id);

        await Fixture.SendAsync(new AnswerWorkforceQuestions.Command(applicationId, Distinctive), applicant);

        var saved = await Fixture.QueryAsync(db => db.WorkforceSurveyResponses.SingleAsync());
        Assert.Equal(scenario.Applicant.Id, saved.PersonId);
        Assert.Equal(StateCode.Parse("TN"), saved.StateCode);
        Assert.Equal(scenario.TennesseeProgram.Id, saved.ProgramId);
        Assert.Equal(SurveyOccasion.Application, saved.Occasion);
        Assert.Equal(applicationId, saved.ApplicationId);
        Assert.Equal(Distinctive, saved.Answers);
        Assert.Equal(RegistryDay.DayOf(Now, scenario.Tennessee.TimeZone), saved.AnsweredOn);
        var audit = await Fixture.QueryAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "AnswerWorkforceQuestions"));
        Assert.Equal(nameof(WorkforceSurveyResponse), audit.EntityType);
        var logged = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, System.Text.Json.JsonElement>>(audit.After!)!;
        foreach (var answer in typeof(WorkforceAnswers).GetProperties().Where(p => p.CanWrite))
            Assert.Equal("(redacted)", logged[answer.Name].GetString());
        foreach (var answer in new[] { "Tagalog", "NonBinary", "RecoveryCommunity", "AssociateDegree" })
            Assert.DoesNotContain(answer, audit.After!, StringComparison.Ordinal);

        var shown = await Fixture.SendAsync(new GetWorkforceQuestions.Query(applicationId), applicant);
        Assert.True(shown.Answered);
        Assert.Equal(Distinctive, shown.Answers);
    }

    [Fact]
    public async Task Answering_again_replaces_the_answers_and_skipping_everything_is_allowed()
    {
        var (scenario, applicationId) = await SubmittedAsync();
        var applicant = TestUsers.Applicant(scenario.Applicant.Id);
        await Fixture.SendAsync(new AnswerWorkforceQuestions.Command(applicationId, Distinctive), applicant);

        await Fixture.SendAsync(new AnswerWorkforceQuestions.Command(applicationId, new WorkforceAnswers()), applicant);

        var saved = await Fixture.QueryAsync(db => db.WorkforceSurveyResponses.SingleAsync());
        Assert.Equal(new WorkforceAnswers(), saved.Answers);
    }

    [Fact]
    public async Task Another_person_cannot_answer_for_the_applicant_nor_staff_for_anyone()
    {
        var (scenario, applicationId) = await SubmittedAsync();

        await Assert.ThrowsAsync<NotFoundException>(() =>
            Fixture.SendAsync(new AnswerWorkforceQuestions.Command(applicationId, Distinctive), TestUsers.Applicant(scenario.OtherApplicant.Id)));
        await Assert.ThrowsAsync<NotFoundException>(() =>
            Fixture.SendAsync(new GetWorkforceQuestions.Query(applicationId), TestUsers.Applicant(scenario.OtherApplicant.Id)));
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            Fixture.SendAsync(new AnswerWorkforceQuestions.Command(applicationId, Distinctive), TestUsers.StateAdmin("TN")));

        Assert.Equal(0, await Fixture.QueryAsync(db => db.WorkforceSurveyResponses.CountAsync()));
    }

    [Fact]
    public async Task Hours_over_80_are_a_field_error_and_nothing_is_written()
    {
        var (scenario, applicationId) = await SubmittedAsync();

        var refused = await Assert.ThrowsAsync<ValidationException>(() => Fixture.SendAsync(
            new AnswerWorkforceQuestions.Command(applicationId, new WorkforceAnswers { HoursPerWeek = 81 }), TestUsers.Applicant(scenario.Applicant.Id)));

        Assert.Contains(refused.Errors, e => e.PropertyName.EndsWith("HoursPerWeek", StringComparison.Ordinal));
        Assert.Equal(0, await Fixture.QueryAsync(db => db.WorkforceSurveyResponses.CountAsync()));
    }
}

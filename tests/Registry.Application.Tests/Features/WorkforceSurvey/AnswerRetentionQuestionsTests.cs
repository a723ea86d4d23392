using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Features.WorkforceSurvey;
using Registry.Domain.Credentials;
using Registry.Domain.People;
using Registry.Domain.Workforce;
using Registry.Testing;

namespace Registry.Application.Tests.Features.WorkforceSurvey;

/// <summary>The yearly retention questions: a holder answers for their own active credential, audited without the answers.</summary>
public sealed class AnswerRetentionQuestionsTests(SliceFixture fixture) : SliceTest(fixture)
{
    private static readonly WorkforceAnswers Pulse = new()
    {
        Employment = EmploymentAnswer.PeerRole, Setting = PracticeSetting.RecoveryCommunityOrganization, HoursPerWeek = 37,
    };

    private async Task<(Person Holder, Person Other, Credential Credential)> HolderAsync()
    {
        var state = TestData.State("TN", "Tennessee", "CPRS");
        Person holder = TestData.Person("Ari", "Holder"), other = TestData.Person("Bo", "Other");
        var credential = Credential.Issue(state.Programs[0], holder.Id, TestClock.StartDay.AddMonths(-6), Guid.NewGuid(), Now);
        await Fixture.InsertAsync(state, holder, other, credential);
        return (holder, other, credential);
    }

    [Fact]
    public async Task The_holder_answers_for_their_credential_and_answering_again_replaces_the_answers()
    {
        var (holder, _, credential) = await HolderAsync();
        var user = TestUsers.Applicant(holder.Id);

        await Fixture.SendAsync(new AnswerRetentionQuestions.Command(credential.Id, Pulse), user);
        await Fixture.SendAsync(new AnswerRetentionQuestions.Command(credential.Id, Pulse with { HoursPerWeek = 12 }), user);

        var saved = await Fixture.QueryAsync(db => db.WorkforceSurveyResponses.SingleAsync());
        Assert.Equal(SurveyOccasion.AnnualPulse, saved.Occasion);
        Assert.Equal(credential.Id, saved.CredentialId);
        Assert.Null(saved.ApplicationId);
        Assert.Equal(holder.Id, saved.PersonId);
        Assert.Equal(12, saved.HoursPerWeek);
        var audit = await Fixture.QueryAsync(db => db.AuditEntries.Where(a => a.Action == "AnswerRetentionQuestions").ToListAsync());
        Assert.NotEmpty(audit);
        Assert.All(audit, a => Assert.DoesNotContain("RecoveryCommunity", a.After ?? "", StringComparison.Ordinal));

        var shown = Assert.Single(await Fixture.SendAsync(new GetRetentionQuestions.Query(), user));
        Assert.True(shown.Answered);
        Assert.Equal(Pulse with { HoursPerWeek = 12 }, shown.Answers);
    }

    [Fact]
    public async Task Another_person_cannot_answer_for_the_credential()
    {
        var (_, other, credential) = await HolderAsync();

        await Assert.ThrowsAsync<NotFoundException>(() =>
            Fixture.SendAsync(new AnswerRetentionQuestions.Command(credential.Id, Pulse), TestUsers.Applicant(other.Id)));

        Assert.False(await Fixture.QueryAsync(db => db.WorkforceSurveyResponses.AnyAsync()));
    }
}

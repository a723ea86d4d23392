using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Features.Applications;
using Registry.Application.Features.Endorsements;
using Registry.Application.Features.Programs;
using Registry.Application.Features.Review;
using Registry.Domain.Applications;
using Registry.Domain.Common;
using Registry.Domain.Credentials;
using Registry.Domain.Documents;
using Registry.Domain.People;
using Registry.Testing;

namespace Registry.Application.Tests.Features.Endorsements;

public sealed class EndorsementApplicationTests(SliceFixture fixture) : SliceTest(fixture)
{
    private static readonly RequirementsModel.EndorsementModel Youth = new()
    {
        Code = "Y", Name = "Youth", Description = "Peer support with young adults.", MinimumAge = 18, MaximumAge = 29, MinimumPopulationSharePercent = 50,
    };

    private static readonly RequirementsModel.EndorsementModel Family = new() { Code = "F", Name = "Family", Description = "Peer support with families." };

    /// <summary>A Florida program defining Youth and Family, and a holder of its credential in force.</summary>
    private async Task<(Person Holder, Credential Credential)> HolderAsync()
    {
        var florida = TestData.State("FL", "Florida", "CRPS", TestData.NoRequirements());
        await Fixture.InsertAsync(florida);
        var programId = florida.Programs[0].Id;
        var current = await Fixture.SendAsync(new GetProgramConfiguration.Query(programId), TestUsers.StateAdmin("FL"));
        await Fixture.SendAsync(new ConfigureProgram.Command { ProgramId = programId, Requirements = current.Requirements with { Endorsements = [Youth, Family] } },
            TestUsers.StateAdmin("FL"));
        var program = await Fixture.QueryAsync(db => db.Programs.AsNoTracking().SingleAsync(p => p.Id == programId));
        var holder = TestData.Person("Rosa", "Delgado");
        var credential = Credential.Issue(program, holder.Id, TestClock.StartDay.AddMonths(-3), Guid.NewGuid(), Now.AddDays(-90));
        await Fixture.InsertAsync(holder, credential);
        return (holder, credential);
    }

    private async Task<Guid> UnderReviewAsync(Person holder, Credential credential, string code)
    {
        var started = await Fixture.SendAsync(new StartEndorsementApplication.Command(credential.Id, code), TestUsers.Applicant(holder.Id));
        await Fixture.SendAsync(new SubmitApplication.Command(started.ApplicationId), TestUsers.Applicant(holder.Id));
        await Fixture.SendAsync(new BeginReview.Command(started.ApplicationId), TestUsers.Reviewer("FL"));
        return started.ApplicationId;
    }

    private Task<Credential> CredentialNowAsync(Guid id) =>
        Fixture.QueryAsync(db => db.Credentials.AsNoTracking().Include(c => c.Endorsements).Include(c => c.History).SingleAsync(c => c.Id == id));

    [Fact]
    public async Task Approval_grants_the_endorsement_on_the_credential_tells_the_holder_and_is_audited()
    {
        var (holder, credential) = await HolderAsync();
        var applicationId = await UnderReviewAsync(holder, credential, "f");

        var approved = await Fixture.SendAsync(new ApproveApplication.Command(applicationId), TestUsers.Reviewer("FL"));

        Assert.Equal((ApplicationType.Endorsement, "F", credential.Id), (approved.ApplicationType, approved.EndorsementCode, approved.CredentialId));
        var now = await CredentialNowAsync(credential.Id);
        var endorsement = Assert.Single(now.Endorsements);
        Assert.Equal(("F", applicationId, TestClock.StartDay), (endorsement.Code, endorsement.ApplicationId, endorsement.GrantedOn));
        Assert.Equal((CredentialEventKind.EndorsementGranted, "F"), (now.History[^1].Kind, now.History[^1].EndorsementCode));
        Assert.Equal(CredentialStatus.Active, now.Status);
        Assert.Equal(1, await Fixture.QueryAsync(db => db.Credentials.CountAsync())); // no new credential issued
        var told = await Fixture.QueryAsync(db => db.Notifications.Where(n => n.PersonId == holder.Id).Select(n => n.DeduplicationKey).ToListAsync());
        Assert.Contains(told, k => k!.StartsWith("endorsementgranted:"));
        var letter = await Fixture.QueryAsync(db => db.DecisionLetters.AsNoTracking().SingleAsync(l => l.ApplicationId == applicationId));
        Assert.Equal(DecisionLetterKind.Approval, letter.Kind);
        var audited = await Fixture.QueryAsync(db => db.AuditEntries.Where(a => a.StateCode == "FL").Select(a => a.Action).ToListAsync());
        Assert.Contains("StartEndorsementApplication", audited);
        Assert.Contains("ApproveApplication", audited);
    }

    [Fact]
    public async Task Denial_grants_nothing_and_another_state_s_reviewer_cannot_act()
    {
        var (holder, credential) = await HolderAsync();
        var applicationId = await UnderReviewAsync(holder, credential, "F");

        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.SendAsync(new ApproveApplication.Command(applicationId), TestUsers.Reviewer("PA")));
        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.SendAsync(new DenyApplication.Command(applicationId, "No."), TestUsers.Reviewer("PA")));
        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.SendAsync(new ApproveApplication.Command(applicationId), TestUsers.Applicant(holder.Id)));
        await Fixture.SendAsync(new DenyApplication.Command(applicationId, "The family work is not documented."), TestUsers.Reviewer("FL"));

        var now = await CredentialNowAsync(credential.Id);
        Assert.Empty(now.Endorsements);
        Assert.DoesNotContain(now.History, h => h.Kind == CredentialEventKind.EndorsementGranted);
        Assert.Equal(ApplicationStatus.Denied, await Fixture.QueryAsync(db => db.Applications.Where(a => a.Id == applicationId).Select(a => a.Status).SingleAsync()));
    }

    [Fact]
    public async Task The_checklist_asks_for_the_stated_share_and_the_age_and_an_open_application_is_not_started_twice()
    {
        var (holder, credential) = await HolderAsync();
        var asHolder = TestUsers.Applicant(holder.Id);
        var started = await Fixture.SendAsync(new StartEndorsementApplication.Command(credential.Id, "Y"), asHolder);

        var overview = await Fixture.SendAsync(new GetApplicationOverview.Query(started.ApplicationId), asHolder);
        Assert.Equal(["endorsement:Y:age", "endorsement:Y:population"], overview.Checklist.Select(r => r.Code));
        Assert.Equal(("Y", true, (int?)null), (overview.Endorsement!.Code, overview.Endorsement.AsksForWorkHoursShare, overview.Endorsement.WorkHoursSharePercent));
        await Assert.ThrowsAsync<DomainRuleException>(() => Fixture.SendAsync(new SubmitApplication.Command(started.ApplicationId), asHolder));

        await Fixture.SendAsync(new StateWorkHoursShare.Command(started.ApplicationId, 60), asHolder);
        var stated = await Fixture.SendAsync(new GetApplicationOverview.Query(started.ApplicationId), TestUsers.Reviewer("FL"));
        Assert.True(stated.Checklist.Single(r => r.Code == "endorsement:Y:population").IsMet);
        await Assert.ThrowsAsync<FluentValidation.ValidationException>(() => Fixture.SendAsync(new StateWorkHoursShare.Command(started.ApplicationId, 101), asHolder));

        await Assert.ThrowsAsync<DomainRuleException>(() => Fixture.SendAsync(new StartEndorsementApplication.Command(credential.Id, "Y"), asHolder));
        await Assert.ThrowsAsync<DomainRuleException>(() => Fixture.SendAsync(new StartEndorsementApplication.Command(credential.Id, "V"), asHolder));
        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.SendAsync(new StartEndorsementApplication.Command(credential.Id, "F"), TestUsers.Applicant(Guid.NewGuid())));
    }
}

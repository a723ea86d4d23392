using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Features.Applications;
using Registry.Application.Features.Records;
using Registry.Application.Features.Renewals;
using Registry.Domain.Credentials;
using Registry.Domain.Jurisdictions;
using Registry.Domain.People;
using Registry.Testing;

namespace Registry.Application.Tests.Features.Renewals;

/// <summary>
/// A Tennessee program (24-month cycle, renewal window 90 days, grace 30 days, 6 CE hours of which 1 ethics)
/// and one holder whose credential is dated so that today falls where the test needs it.
/// </summary>
public sealed record RenewalScenario(SliceFixture Fixture, Jurisdiction State, Person Holder, Credential Credential)
{
    public static DateOnly Today => TestClock.StartDay;

    public CredentialProgram Program => State.Programs[0];
    public ClaimsPrincipal AsHolder => TestUsers.Applicant(Holder.Id);

    public static ProgramRequirements Rules(int ceAuditPercent = 0, IEnumerable<string>? attestations = null, decimal? reinstatementHours = null) => new(
        trainingHoursTotal: 40, trainingDomains: [], supervisedWorkHours: 0, supervisionHours: 0, referencesRequired: 0,
        exam: new ExamRequirement(70, 30, 3, 365), requiredAttestations: attestations ?? [], renewalCycleMonths: 24,
        continuingEducationHours: 6, ethicsContinuingEducationHours: 1, gracePeriodDays: 30, renewalWindowDays: 90,
        ceAuditPercent: ceAuditPercent, reinstatementContinuingEducationHours: reinstatementHours);

    /// <summary>
    /// A holder whose credential expires <paramref name="expiresInDays"/> from today (negative: already expired, then lapsed past the grace),
    /// placed on probation before that until <paramref name="probationEndsInDays"/> from today if given.
    /// </summary>
    public static async Task<RenewalScenario> ArrangeAsync(SliceFixture fixture, int expiresInDays, ProgramRequirements? rules = null, string state = "TN",
        int? probationEndsInDays = null)
    {
        var jurisdiction = TestData.State(state, state == "TN" ? "Tennessee" : "Pennsylvania", "CPRS", rules ?? Rules());
        var holder = TestData.Person("Morgan", "Holder");
        var program = jurisdiction.Programs[0];
        var issuedOn = Today.AddDays(expiresInDays).AddMonths(-program.Requirements.RenewalCycleMonths);
        var credential = Credential.Issue(program, holder.Id, issuedOn, Guid.NewGuid(), fixture.Clock.GetUtcNow().AddDays(-800));
        if (probationEndsInDays is { } ends)
            credential.PlaceOnProbation("Monthly supervision reports.", Today.AddDays(ends), issuedOn.AddDays(30), Guid.NewGuid(), fixture.Clock.GetUtcNow().AddDays(-700));
        if (expiresInDays < 0) credential.Expire(Today, fixture.Clock.GetUtcNow());
        if (-expiresInDays > program.Requirements.GracePeriodDays) credential.Lapse(Today, program.Requirements.GracePeriodDays, fixture.Clock.GetUtcNow());
        await fixture.InsertAsync(jurisdiction, holder, credential);
        return new RenewalScenario(fixture, jurisdiction, holder, credential);
    }

    public Task<StartRenewal.Started> StartAsync() => Fixture.SendAsync(new StartRenewal.Command(Credential.Id), AsHolder);

    /// <summary>Enough CE for the program: 5 general hours and 1 of ethics, both inside the cycle.</summary>
    public async Task<IReadOnlyList<Guid>> AddEnoughCeAsync(Guid applicationId)
    {
        var general = await Fixture.SendAsync(new AddContinuingEducation.Command
        {
            ApplicationId = applicationId, Course = "Motivational interviewing", Provider = "Tennessee Peer Institute", Hours = 5, CompletedOn = Today.AddDays(-60),
        }, AsHolder);
        var ethics = await Fixture.SendAsync(new AddContinuingEducation.Command
        {
            ApplicationId = applicationId, Course = "Boundaries and ethics", Provider = "Tennessee Peer Institute", Hours = 1, CompletedOn = Today.AddDays(-30), IsEthics = true,
        }, AsHolder);
        return [general.RecordId, ethics.RecordId];
    }

    /// <summary>Started, with enough CE, submitted and taken into review by the state's reviewer.</summary>
    public async Task<Guid> UnderReviewAsync()
    {
        var started = await StartAsync();
        await AddEnoughCeAsync(started.ApplicationId);
        await Fixture.SendAsync(new SubmitApplication.Command(started.ApplicationId), AsHolder);
        await Fixture.SendAsync(new BeginReview.Command(started.ApplicationId), TestUsers.Reviewer(State.Code.Value));
        return started.ApplicationId;
    }

    public Task<Credential> CredentialNowAsync() =>
        Fixture.QueryAsync(db => db.Credentials.Include(c => c.History).SingleAsync(c => c.Id == Credential.Id));
}

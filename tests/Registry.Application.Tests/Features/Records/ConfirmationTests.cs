using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Features.Records;
using Registry.Domain.Applications;
using Registry.Domain.Common;
using Registry.Domain.Confirmations;
using Registry.Domain.Notifications;
using Registry.Testing;

namespace Registry.Application.Tests.Features.Records;

/// <summary>Supervisors and referees confirm through signed, expiring, one-time links e-mailed through the outbox.</summary>
public sealed class ConfirmationTests(SliceFixture fixture) : SliceTest(fixture), IDisposable
{
    private const string Dana = "dana.supervisor@example.org";
    private const string Sol = "sol.supervisor@example.org";

    private TestClock Clock => (TestClock)Fixture.GetService<TimeProvider>();

    public void Dispose() => Clock.Reset();

    /// <summary>Two sessions with Dana (1.5 and 2 hours) and one with Sol, and a request to Dana.</summary>
    private async Task<(RecordsScenario Scenario, string Token)> DanaAskedAsync()
    {
        var scenario = await RecordsScenario.ArrangeAsync(Fixture);
        await Fixture.SendAsync(AddSupervisionLogTests.Session(scenario.Draft.Id, Dana, daysAgo: 20), scenario.AsApplicant);
        await Fixture.SendAsync(AddSupervisionLogTests.Session(scenario.Draft.Id, Dana, daysAgo: 10, hours: 2), scenario.AsApplicant);
        await Fixture.SendAsync(AddSupervisionLogTests.Session(scenario.Draft.Id, Sol, daysAgo: 5), scenario.AsApplicant);
        await Fixture.SendAsync(new RequestSupervisorConfirmation.Command(scenario.Draft.Id, "Dana.Supervisor@example.org"), scenario.AsApplicant);
        return (scenario, await RecordsScenario.TokenMailedToAsync(Fixture, Dana));
    }

    [Fact]
    public async Task One_request_covers_all_of_a_supervisors_waiting_sessions_and_is_mailed_with_its_link()
    {
        var (_, token) = await DanaAskedAsync();

        var request = await Fixture.QueryAsync(db => db.ConfirmationRequests.SingleAsync());
        Assert.Equal((ConfirmationPurpose.Supervision, Dana, 2), (request.Purpose, request.Email, request.SubjectIds.Count));
        Assert.Equal(14, (request.ExpiresAt - request.CreatedAt).TotalDays);
        var mail = await Fixture.QueryAsync(db => db.Notifications.SingleAsync());
        Assert.Equal("supervision-confirmation", mail.Template);
        Assert.Contains("http://localhost:5080/Confirm/", mail.Rendered().Text);
        Assert.Contains("who gave their name as “Robin Alvarez”, has asked you to confirm 2 sessions", mail.Rendered().Text);
        Assert.DoesNotContain("Boundaries", mail.Rendered().Text); // topics stay off e-mail
        Assert.NotEmpty(token);
    }

    [Fact]
    public async Task The_link_shows_the_supervisor_what_to_confirm_without_signing_in()
    {
        var (_, token) = await DanaAskedAsync();

        var asked = await Fixture.SendAsync(new GetConfirmation.Query(token), TestUsers.Anonymous);

        Assert.Equal("Robin Alvarez", asked.ApplicantName);
        Assert.Equal([1.5m, 2m], asked.Sessions.Select(s => s.Hours));
        Assert.All(asked.Sessions, s => Assert.Equal("Boundaries when sharing lived experience", s.Topics));
    }

    [Fact]
    public async Task Sessions_count_only_once_the_supervisor_confirms_them_through_the_link()
    {
        var (scenario, token) = await DanaAskedAsync();
        Assert.Equal(0, (await scenario.SupervisionCheckAsync(Fixture)).Have);

        var confirmed = await Fixture.SendAsync(new ConfirmRecords.Command { Token = token }, TestUsers.Anonymous);

        Assert.Equal(2, confirmed.Records);
        var check = await scenario.SupervisionCheckAsync(Fixture);
        Assert.Equal(3.5m, check.Have);
        Assert.Contains("(1.5 hours waiting for confirmation)", check.Sentence); // Sol's session
        var logs = await Fixture.QueryAsync(db => db.Set<SupervisionLog>().ToListAsync());
        Assert.Equal([Dana, Dana], logs.Where(l => l.ConfirmedAt is not null).Select(l => l.SupervisorEmail));
        Assert.NotNull((await Fixture.QueryAsync(db => db.ConfirmationRequests.SingleAsync())).UsedAt);
        var audit = await Fixture.QueryAsync(db => db.AuditEntries.Where(a => a.Action == "ConfirmRecords").ToListAsync());
        Assert.Contains(audit, a => a.EntityType == nameof(SupervisionLog) && a.ActorUserId == null);
    }

    [Fact]
    public async Task A_link_works_once()
    {
        var (_, token) = await DanaAskedAsync();
        await Fixture.SendAsync(new ConfirmRecords.Command { Token = token }, TestUsers.Anonymous);
        var firstUse = (await Fixture.QueryAsync(db => db.ConfirmationRequests.SingleAsync())).UsedAt;

        var again = await Assert.ThrowsAsync<DomainRuleException>(() => Fixture.SendAsync(new ConfirmRecords.Command { Token = token }, TestUsers.Anonymous));
        var shown = await Assert.ThrowsAsync<DomainRuleException>(() => Fixture.SendAsync(new GetConfirmation.Query(token), TestUsers.Anonymous));

        Assert.Contains("already been used", again.Message);
        Assert.Contains("already been used", shown.Message);
        Assert.Equal(firstUse, (await Fixture.QueryAsync(db => db.ConfirmationRequests.SingleAsync())).UsedAt);
    }

    [Fact]
    public async Task An_expired_link_confirms_nothing()
    {
        var (scenario, token) = await DanaAskedAsync();
        Clock.Advance(TimeSpan.FromDays(14).Add(TimeSpan.FromMinutes(1)));

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => Fixture.SendAsync(new ConfirmRecords.Command { Token = token }, TestUsers.Anonymous));
        var shown = await Assert.ThrowsAsync<DomainRuleException>(() => Fixture.SendAsync(new GetConfirmation.Query(token), TestUsers.Anonymous));

        Assert.Contains("expired", refused.Message);
        Assert.Contains("expired", shown.Message);
        Assert.Equal(0, (await scenario.SupervisionCheckAsync(Fixture)).Have);
        Assert.Null((await Fixture.QueryAsync(db => db.ConfirmationRequests.SingleAsync())).UsedAt);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(-1)]
    public async Task An_altered_link_is_not_valid(int position)
    {
        var (scenario, token) = await DanaAskedAsync();
        var index = position < 0 ? token.Length - 1 : position;
        var tampered = token[..index] + (token[index] == 'A' ? 'B' : 'A') + token[(index + 1)..];

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => Fixture.SendAsync(new ConfirmRecords.Command { Token = tampered }, TestUsers.Anonymous));
        await Assert.ThrowsAsync<DomainRuleException>(() => Fixture.SendAsync(new GetConfirmation.Query("not-a-token"), TestUsers.Anonymous));

        Assert.Contains("not valid", refused.Message);
        Assert.Equal(0, (await scenario.SupervisionCheckAsync(Fixture)).Have);
    }

    [Fact]
    public async Task Asking_when_nothing_waits_or_for_someone_elses_application_is_refused()
    {
        var (scenario, token) = await DanaAskedAsync();
        await Fixture.SendAsync(new ConfirmRecords.Command { Token = token }, TestUsers.Anonymous);

        var nothing = await Assert.ThrowsAsync<DomainRuleException>(() =>
            Fixture.SendAsync(new RequestSupervisorConfirmation.Command(scenario.Draft.Id, Dana), scenario.AsApplicant));
        await Assert.ThrowsAsync<NotFoundException>(() =>
            Fixture.SendAsync(new RequestSupervisorConfirmation.Command(scenario.Draft.Id, Sol), TestUsers.Applicant(scenario.OtherApplicant.Id)));

        Assert.Contains("No sessions with", nothing.Message);
        Assert.Equal(1, await Fixture.CountAsync<ConfirmationRequest>());
        Assert.Equal(1, await Fixture.CountAsync<Notification>());
    }

    [Fact]
    public async Task A_supervisors_statement_is_kept_with_each_session_they_confirm_and_staff_read_it()
    {
        var (scenario, token) = await DanaAskedAsync();

        await Fixture.SendAsync(new ConfirmRecords.Command { Token = token, Statement = "Robin came prepared to every session." }, TestUsers.Anonymous);

        var logs = await Fixture.QueryAsync(db => db.Set<SupervisionLog>().ToListAsync());
        Assert.Equal(["Robin came prepared to every session.", "Robin came prepared to every session."],
            logs.Where(l => l.SupervisorEmail == Dana).Select(l => l.SupervisorStatement));
        Assert.Null(logs.Single(l => l.SupervisorEmail == Sol).SupervisorStatement);
        var stateOf = await Fixture.QueryAsync(db => db.Programs.Where(p => p.Id == scenario.Draft.ProgramId).Select(p => p.StateCode).SingleAsync());
        var review = await Fixture.SendAsync(new Registry.Application.Features.Review.GetApplicationForReview.Query(scenario.Draft.Id), TestUsers.Reviewer(stateOf.Value));
        Assert.Equal(2, review.Supervision.Count(s => s.SupervisorStatement == "Robin came prepared to every session."));
    }

    [Fact]
    public async Task A_referee_confirms_with_a_statement_and_the_reference_then_counts()
    {
        var scenario = await RecordsScenario.ArrangeAsync(Fixture);
        var reference = await Fixture.SendAsync(AddReferenceTests.Referee(scenario.Draft.Id), scenario.AsApplicant);
        await Fixture.SendAsync(new RequestReferenceConfirmation.Command(scenario.Draft.Id, reference.RecordId), scenario.AsApplicant);
        var mail = await Fixture.QueryAsync(db => db.Notifications.SingleAsync());
        Assert.Equal(("reference-confirmation", "lee.referee@example.org"), (mail.Template, mail.RecipientEmail));
        var token = await RecordsScenario.TokenMailedToAsync(Fixture, "lee.referee@example.org");

        var asked = await Fixture.SendAsync(new GetConfirmation.Query(token), TestUsers.Anonymous);
        var confirmed = await Fixture.SendAsync(new ConfirmRecords.Command { Token = token, Statement = "Robin is a steady, honest colleague." }, TestUsers.Anonymous);

        Assert.Equal("Lee Okafor", asked.Reference!.RefereeName);
        Assert.Equal(ConfirmationPurpose.Reference, confirmed.Purpose);
        var saved = await Fixture.QueryAsync(db => db.Set<Reference>().SingleAsync());
        Assert.True(saved.IsConfirmed);
        Assert.Equal("Robin is a steady, honest colleague.", saved.Statement);
        await Assert.ThrowsAsync<DomainRuleException>(() =>
            Fixture.SendAsync(new RequestReferenceConfirmation.Command(scenario.Draft.Id, reference.RecordId), scenario.AsApplicant));
    }
}

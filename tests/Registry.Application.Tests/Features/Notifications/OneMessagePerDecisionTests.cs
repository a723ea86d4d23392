using Microsoft.EntityFrameworkCore;
using Registry.Application.Features.Applications;
using Registry.Application.Features.Discipline;
using Registry.Application.Features.Records;
using Registry.Application.Features.Renewals;
using Registry.Application.Features.Review;
using Registry.Application.Tests.Features.Renewals;
using Registry.Application.Tests.Features.Review;
using Registry.Domain.Credentials;
using Registry.Domain.Jurisdictions;
using Registry.Domain.Notifications;
using Registry.Domain.People;
using Registry.Testing;

namespace Registry.Application.Tests.Features.Notifications;

/// <summary>Every decision sends the person it concerns exactly one message, of the decision's own template.</summary>
public sealed class OneMessagePerDecisionTests(SliceFixture fixture) : SliceTest(fixture)
{
    /// <summary>The messages <paramref name="decision"/> wrote.</summary>
    private async Task<IReadOnlyList<Notification>> ToldByAsync(Func<Task> decision)
    {
        var before = await Fixture.QueryAsync(db => db.Notifications.Select(n => n.Id).ToListAsync());
        await decision();
        return await Fixture.QueryAsync(db => db.Notifications.AsNoTracking().Where(n => !before.Contains(n.Id)).ToListAsync());
    }

    private static void AssertOne(IReadOnlyList<Notification> told, string email, string template)
    {
        var message = Assert.Single(told);
        Assert.Equal((email, template), (message.RecipientEmail, message.Template));
        Assert.NotEmpty(message.Rendered().Subject);
    }

    [Fact]
    public async Task Approving_an_application_sends_one_message_with_the_credential_not_two()
    {
        var scenario = await ReviewScenario.ArrangeAsync(Fixture);
        var (person, application) = await scenario.UnderReviewAsync();

        var told = await ToldByAsync(() => Fixture.SendAsync(new ApproveApplication.Command(application.Id), TestUsers.Reviewer("TN")));

        AssertOne(told, person.Email!, "credential-issued");
    }

    [Fact]
    public async Task Denying_an_application_sends_one_message()
    {
        var scenario = await ReviewScenario.ArrangeAsync(Fixture);
        var (person, application) = await scenario.UnderReviewAsync();

        var told = await ToldByAsync(() => Fixture.SendAsync(new DenyApplication.Command(application.Id, "The training was not from an approved provider."), TestUsers.Reviewer("TN")));

        AssertOne(told, person.Email!, "application-status");
        Assert.Contains("not from an approved provider", told[0].Rendered().Text);
    }

    [Fact]
    public async Task Asking_for_information_sends_one_message()
    {
        var scenario = await ReviewScenario.ArrangeAsync(Fixture);
        var (person, application) = await scenario.UnderReviewAsync();

        var told = await ToldByAsync(() => Fixture.SendAsync(new RequestInformation.Command(application.Id, "Please upload your certificate."), TestUsers.Reviewer("TN")));

        AssertOne(told, person.Email!, "application-status");
    }

    [Fact]
    public async Task Approving_a_renewal_sends_one_message()
    {
        var scenario = await RenewalScenario.ArrangeAsync(Fixture, expiresInDays: 20);
        var applicationId = await scenario.UnderReviewAsync();

        var told = await ToldByAsync(() => Fixture.SendAsync(new ApproveApplication.Command(applicationId), TestUsers.Reviewer("TN")));

        AssertOne(told, scenario.Holder.Email!, "credential-renewed");
    }

    [Fact]
    public async Task Approving_a_reinstatement_past_the_grace_period_sends_one_message_though_the_credential_lapses_first()
    {
        // Expired 40 days ago with a 30-day grace, never marked lapsed by the job: the approval lapses it, then reinstates it.
        var scenario = await RenewalScenario.ArrangeAsync(Fixture, expiresInDays: -25);
        await Fixture.ExecuteAsync(db => db.Credentials.Where(c => c.Id == scenario.Credential.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.ExpiresOn, RenewalScenario.Today.AddDays(-40))));
        var started = await Fixture.SendAsync(new StartReinstatement.Command(scenario.Credential.Id), scenario.AsHolder);
        await scenario.AddEnoughCeAsync(started.ApplicationId);
        await Fixture.SendAsync(new SubmitApplication.Command(started.ApplicationId), scenario.AsHolder);
        await Fixture.SendAsync(new BeginReview.Command(started.ApplicationId), TestUsers.Reviewer("TN"));

        var told = await ToldByAsync(() => Fixture.SendAsync(new ApproveApplication.Command(started.ApplicationId), TestUsers.Reviewer("TN")));

        AssertOne(told, scenario.Holder.Email!, "credential-reinstated");
        var history = (await scenario.CredentialNowAsync()).History.OrderBy(e => e.Sequence).Select(e => e.Kind).TakeLast(2);
        Assert.Equal([CredentialEventKind.Lapsed, CredentialEventKind.Reinstated], history);
    }

    [Theory]
    [InlineData(DisciplineOutcome.NoAction)]
    [InlineData(DisciplineOutcome.Reprimand)]
    [InlineData(DisciplineOutcome.Probation)]
    [InlineData(DisciplineOutcome.Suspension)]
    [InlineData(DisciplineOutcome.Revocation)]
    public async Task Each_step_of_a_discipline_case_sends_one_message(DisciplineOutcome outcome)
    {
        var scenario = await RenewalScenario.ArrangeAsync(Fixture, expiresInDays: 300);
        var credentialId = scenario.Credential.Id;
        var email = scenario.Holder.Email!;
        var caseId = Guid.Empty;

        AssertOne(await ToldByAsync(async () => caseId = await Fixture.SendAsync(new OpenDisciplineCase.Command
            { CredentialId = credentialId, Notice = "A complaint about supervision records.", ResponseDueOn = RenewalScenario.Today.AddDays(14) }, TestUsers.Reviewer("TN"))),
            email, "discipline-notice");
        AssertOne(await ToldByAsync(() => Fixture.SendAsync(new RespondToDisciplineCase.Command(credentialId, caseId, "My side of it."), scenario.AsHolder)),
            email, "discipline-response");
        var decided = await ToldByAsync(() => Fixture.SendAsync(new DecideDisciplineCase.Command
        {
            CredentialId = credentialId, CaseId = caseId, Outcome = outcome, Notes = "The board's reasons.",
            Conditions = outcome == DisciplineOutcome.Probation ? "Monthly supervision reports." : null,
            EndsOn = outcome is DisciplineOutcome.Probation or DisciplineOutcome.Suspension ? RenewalScenario.Today.AddDays(90) : null,
        }, TestUsers.StateAdmin("TN")));

        AssertOne(decided, email, "discipline-decision");
        Assert.Contains("The board's reasons.", decided[0].Rendered().Text);
    }

    [Fact]
    public async Task Reinstating_after_a_suspension_and_relinquishing_each_send_one_message()
    {
        var scenario = await RenewalScenario.ArrangeAsync(Fixture, expiresInDays: 300);
        var credentialId = scenario.Credential.Id;
        var caseId = await Fixture.SendAsync(new OpenDisciplineCase.Command
            { CredentialId = credentialId, Notice = "Notice.", ResponseDueOn = RenewalScenario.Today.AddDays(14) }, TestUsers.Reviewer("TN"));
        await Fixture.SendAsync(new DecideDisciplineCase.Command
            { CredentialId = credentialId, CaseId = caseId, Outcome = DisciplineOutcome.Suspension, Notes = "Reasons." }, TestUsers.StateAdmin("TN"));

        AssertOne(await ToldByAsync(() => Fixture.SendAsync(new ReinstateCredential.Command(credentialId, "Conditions met."), TestUsers.Reviewer("TN"))),
            scenario.Holder.Email!, "credential-reinstated");
        AssertOne(await ToldByAsync(() => Fixture.SendAsync(new RelinquishCredential.Command(credentialId, "Retiring."), scenario.AsHolder)),
            scenario.Holder.Email!, "credential-relinquished");
    }

    [Fact]
    public async Task A_holder_without_an_email_address_is_not_written_to_and_the_decision_still_stands()
    {
        var state = TestData.State("TN", "Tennessee", "CPRS", RenewalScenario.Rules());
        var holder = new Person("Imported", "Holder", email: null);
        var credential = Credential.Issue(state.Programs[0], holder.Id, RenewalScenario.Today.AddMonths(-6), Guid.NewGuid(), Fixture.Clock.GetUtcNow().AddDays(-180));
        await Fixture.InsertAsync(state, holder, credential);

        var told = await ToldByAsync(() => Fixture.SendAsync(new OpenDisciplineCase.Command
            { CredentialId = credential.Id, Notice = "A complaint.", ResponseDueOn = RenewalScenario.Today.AddDays(14) }, TestUsers.Reviewer("TN")));

        Assert.Empty(told);
        Assert.Equal(1, await Fixture.QueryAsync(db => db.DisciplineCases.CountAsync(c => c.CredentialId == credential.Id)));
    }

    [Fact]
    public async Task A_decision_message_says_how_to_reach_the_states_board()
    {
        var state = TestData.State("TN", "Tennessee", "CPRS", RenewalScenario.Rules());
        state.ChangeContact(new BoardContact("TN Department of Mental Health and Substance Abuse Services", "500 Deaderick St, Nashville, TN 37243",
            "peer.board@tn.example", "615-555-0100", "https://tn.example/peers"));
        var holder = TestData.Person("Morgan", "Holder");
        var credential = Credential.Issue(state.Programs[0], holder.Id, RenewalScenario.Today.AddMonths(-6), Guid.NewGuid(), Fixture.Clock.GetUtcNow().AddDays(-180));
        await Fixture.InsertAsync(state, holder, credential);

        var told = await ToldByAsync(() => Fixture.SendAsync(new OpenDisciplineCase.Command
            { CredentialId = credential.Id, Notice = "A complaint.", ResponseDueOn = RenewalScenario.Today.AddDays(14) }, TestUsers.Reviewer("TN")));

        var text = Assert.Single(told).Rendered().Text;
        Assert.Contains("Contact TN Department of Mental Health and Substance Abuse Services: e-mail peer.board@tn.example; phone 615-555-0100; " +
            "web https://tn.example/peers; post to 500 Deaderick St, Nashville, TN 37243.", text);
    }
}

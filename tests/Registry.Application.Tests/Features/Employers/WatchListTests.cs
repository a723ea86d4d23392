using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Domain.Notifications;
using Registry.Application.Common.Exceptions;
using Registry.Application.Features.Discipline;
using Registry.Application.Features.Employers;
using Registry.Domain.Credentials;
using Registry.Domain.Employers;
using Registry.Domain.Jurisdictions;
using Registry.Domain.People;
using Registry.Testing;

namespace Registry.Application.Tests.Features.Employers;

public sealed class WatchListTests(SliceFixture fixture) : SliceTest(fixture)
{
    private static readonly DateTimeOffset LongAgo = TestClock.Start.AddYears(-1);

    private sealed record World(Jurisdiction State, Credential Watched, Credential Other, Employer First, Employer Second, Employer Bystander, Employer Pending);

    private static Employer Approved(string name)
    {
        var employer = new Employer(name, $"{name.Replace(' ', '.').ToLowerInvariant()}@employer.example", StateCode.Parse("TN"), LongAgo);
        employer.Approve(null, LongAgo);
        return employer;
    }

    private async Task<World> WorldAsync()
    {
        var state = TestData.State("TN", "Tennessee", "CPRS");
        Person a = TestData.Person("Ari", "Watched"), b = TestData.Person("Bo", "Other");
        var today = TestClock.StartDay;
        var watched = Credential.Issue(state.Programs[0], a.Id, today.AddMonths(-6), Guid.NewGuid(), LongAgo);
        var other = Credential.Issue(state.Programs[0], b.Id, today.AddMonths(-6), Guid.NewGuid(), LongAgo);
        var pending = new Employer("Pending Place", "pending@employer.example", StateCode.Parse("TN"), LongAgo);
        World world = new(state, watched, other, Approved("First Clinic"), Approved("Second Clinic"), Approved("Bystander House"), pending);
        await Fixture.InsertAsync(state, a, b, watched, other, world.First, world.Second, world.Bystander, pending);
        return world;
    }

    private Task WatchAsync(Employer employer, params Credential[] credentials) =>
        Fixture.SendAsync(new WatchCredentials.Command(credentials.Select(c => c.Number.Value).ToList()), TestUsers.Employer(employer.Id));

    private Task<NotifyWatchingEmployers.Outcome> NotifyAsync() => Fixture.SendAsync(new NotifyWatchingEmployers.Command(), TestUsers.SystemAdmin());

    [Fact]
    public async Task A_status_change_notifies_every_watching_employer_once_and_nobody_else()
    {
        var world = await WorldAsync();
        await WatchAsync(world.First, world.Watched);
        await WatchAsync(world.Second, world.Watched, world.Other);
        await WatchAsync(world.Bystander, world.Other);
        await Fixture.InsertAsync(new WatchedCredential(world.Pending.Id, world.Watched.Id, null, LongAgo)); // not approved: told nothing

        var caseId = await Fixture.SendAsync(new OpenDisciplineCase.Command
            { CredentialId = world.Watched.Id, Notice = "Complaint.", ResponseDueOn = TestClock.StartDay.AddDays(14) }, TestUsers.Reviewer("TN"));
        await Fixture.SendAsync(new DecideDisciplineCase.Command
            { CredentialId = world.Watched.Id, CaseId = caseId, Outcome = DisciplineOutcome.Suspension, Notes = "Suspended.", AppealDays = 30 }, TestUsers.StateAdmin("TN"));

        await NotifyAsync();
        await NotifyAsync(); // a second run (or a racing one) tells nobody twice

        var alerts = await Fixture.QueryAsync(db => db.WatchAlerts.AsNoTracking().ToListAsync());
        Assert.Equal(new[] { world.First.Id, world.Second.Id }.Order(), alerts.Select(a => a.EmployerId).Order());
        Assert.All(alerts, a => Assert.Equal((world.Watched.Id, CredentialEventKind.Suspended, CredentialStatus.Suspended), (a.CredentialId, a.Kind, a.Status)));
        var mail = await Fixture.QueryAsync(db => db.Notifications.AsNoTracking().Where(n => n.Template == "watch-list-change").ToListAsync());
        Assert.Equal(new[] { world.First.ContactEmail, world.Second.ContactEmail }.Order(), mail.Select(m => m.RecipientEmail).Order());
        Assert.All(mail, m => Assert.Contains($"{world.Watched.Number.Value}, Ari Watched: suspended", m.Rendered().Text));
        Assert.All(mail, m => Assert.DoesNotContain("Suspended.", m.Rendered().Text)); // the decision's notes are private
        Assert.All(mail, m => Assert.Equal(NotificationPriority.Bulk, m.Priority));
        Assert.True(await Fixture.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "NotifyWatchingEmployers" && a.EntityType == nameof(WatchAlert))));

        // Reinstatement is a change too: each watcher is told of it once more.
        await Fixture.SendAsync(new ReinstateCredential.Command(world.Watched.Id, "Done."), TestUsers.Reviewer("TN"));
        await NotifyAsync();
        Assert.Equal(4, await Fixture.CountAsync<WatchAlert>());
        Assert.Equal(2, await Fixture.QueryAsync(db => db.WatchAlerts.CountAsync(a => a.Kind == CredentialEventKind.Reinstated)));
    }

    [Fact]
    public async Task Changes_written_outside_any_request_such_as_expiry_reach_watchers_too()
    {
        var world = await WorldAsync();
        await WatchAsync(world.First, world.Watched);
        // The expiry job changes credentials set-based, raising no event: only the history row tells of it.
        await Fixture.ExecuteAsync(async db =>
        {
            var credential = await db.Credentials.Include(c => c.History).SingleAsync(c => c.Id == world.Watched.Id);
            credential.Expire(credential.ExpiresOn.AddDays(1), Now);
            await db.SaveChangesAsync();
        });

        var outcome = await NotifyAsync();

        Assert.Equal(new NotifyWatchingEmployers.Outcome(1, 1), outcome);
        var alert = await Fixture.QueryAsync(db => db.WatchAlerts.SingleAsync());
        Assert.Equal((world.First.Id, CredentialEventKind.Expired), (alert.EmployerId, alert.Kind));
    }

    [Fact]
    public async Task The_set_based_expiry_job_s_changes_reach_watchers_once()
    {
        var state = TestData.State("TN", "Tennessee", "CPRS");
        var holder = TestData.Person("Old", "Expiring");
        var credential = Credential.Issue(state.Programs[0], holder.Id, TestClock.StartDay.AddMonths(-25), Guid.NewGuid(), LongAgo);
        var employer = Approved("Expiry Watcher");
        await Fixture.InsertAsync(state, holder, credential, employer);
        await WatchAsync(employer, credential);

        await using (var scope = Fixture.GetService<IServiceScopeFactory>().CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<Registry.Infrastructure.Jobs.CredentialExpiryJob>().RunAsync();
        await NotifyAsync();
        await NotifyAsync();

        var told = await Fixture.QueryAsync(db => db.WatchAlerts.Select(a => a.Kind).ToListAsync());
        var written = await Fixture.QueryAsync(db => db.Credentials.Where(c => c.Id == credential.Id).SelectMany(c => c.History)
            .Where(e => e.Kind == CredentialEventKind.Expired || e.Kind == CredentialEventKind.Lapsed).Select(e => e.Kind).ToListAsync());
        Assert.Contains(CredentialEventKind.Expired, told);
        Assert.Equal(written.Order(), told.Order());
        Assert.Equal(1, await Fixture.QueryAsync(db => db.Notifications.CountAsync(n => n.Template == "watch-list-change")));
    }

    [Fact]
    public async Task Changes_before_a_credential_was_watched_are_not_told()
    {
        var world = await WorldAsync();
        await Fixture.SendAsync(new RelinquishCredential.Command(world.Other.Id, "Retiring."), TestUsers.Applicant(world.Other.HolderPersonId));
        Fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        await WatchAsync(world.Bystander, world.Other);

        await NotifyAsync();

        Assert.Equal(0, await Fixture.CountAsync<WatchAlert>());
    }

    [Fact]
    public async Task An_employer_sees_and_changes_only_its_own_watch_list()
    {
        var world = await WorldAsync();
        await WatchAsync(world.First, world.Watched, world.Other);
        var outcome = await Fixture.SendAsync(new WatchCredentials.Command([world.Watched.Number.Value, "TN-CPRS-999999"]), TestUsers.Employer(world.First.Id));
        Assert.Equal((0, 1), (outcome.Added, outcome.AlreadyWatched));
        Assert.Equal(["TN-CPRS-999999"], outcome.NotFound);

        var mine = await Fixture.SendAsync(new ListWatchedCredentials.Query(), TestUsers.Employer(world.First.Id));
        var theirs = await Fixture.SendAsync(new ListWatchedCredentials.Query(), TestUsers.Employer(world.Second.Id));
        Assert.Equal(2, mine.Items.Count);
        Assert.Empty(theirs.Items);

        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.SendAsync(new StopWatching.Command(world.Watched.Number.Value), TestUsers.Employer(world.Second.Id)));
        await Assert.ThrowsAsync<Domain.Common.DomainRuleException>(() => WatchAsync(world.Pending, world.Watched));
        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.SendAsync(new WatchCredentials.Command([world.Watched.Number.Value]), TestUsers.Reviewer("TN")));
        await Fixture.SendAsync(new StopWatching.Command(world.Watched.Number.Value), TestUsers.Employer(world.First.Id));
        Assert.Equal(world.Other.Number.Value, Assert.Single((await Fixture.SendAsync(new ListWatchedCredentials.Query(), TestUsers.Employer(world.First.Id))).Items).CredentialNumber);
    }
}

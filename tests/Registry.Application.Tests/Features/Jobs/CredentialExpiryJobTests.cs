using Microsoft.EntityFrameworkCore;
using Registry.Domain.Notifications;
using Registry.Domain.Applications;
using Registry.Domain.Credentials;
using Registry.Testing;

namespace Registry.Application.Tests.Features.Jobs;

/// <summary>The daily expiry job on a real database (PostgreSQL, and SQLite in the second run of this suite).</summary>
public sealed class CredentialExpiryJobTests(SliceFixture fixture) : SliceTest(fixture)
{
    private readonly JobTestData _data = new(fixture);

    [Fact]
    public async Task A_credential_expires_the_day_after_its_expiry_date_with_history_message_and_audit()
    {
        var program = await _data.ProgramAsync(gracePeriodDays: 30);
        var holder = await _data.PersonAsync("Avery");
        var yesterday = _data.Today.AddDays(-1);
        var expiring = await _data.CredentialAsync(program, holder, yesterday);
        var lastDay = await _data.CredentialAsync(program, await _data.PersonAsync(), _data.Today);

        var run = await _data.ExpireAsync();

        Assert.Equal((1, 0), (run.Expired, run.Lapsed));
        var saved = await _data.ReloadAsync(expiring.Id);
        Assert.Equal(CredentialStatus.Expired, saved.Status);
        var change = saved.History.OrderBy(e => e.Sequence).Last();
        Assert.Equal((2, CredentialEventKind.Expired, CredentialStatus.Active, CredentialStatus.Expired, _data.Today, yesterday, (Guid?)null),
            (change.Sequence, change.Kind, change.FromStatus, change.ToStatus, change.EffectiveOn, change.ExpiresOnAfter, change.ActorUserId));
        Assert.Equal(CredentialStatus.Active, saved.StatusOn(yesterday));
        Assert.Equal(CredentialStatus.Expired, saved.StatusOn(_data.Today));
        Assert.Equal(CredentialStatus.Active, (await _data.ReloadAsync(lastDay.Id)).Status);

        var message = await Fixture.QueryAsync(db => db.Notifications.AsNoTracking().SingleAsync());
        Assert.Equal((holder.Email, "credential-expired"), (message.RecipientEmail, message.Template));
        Assert.Equal($"Your {program.Name} credential {expiring.Number} has expired", message.Rendered().Subject);
        Assert.Contains($"renew it until {yesterday.AddDays(30):MMMM d, yyyy}", message.Rendered().Text);
        Assert.Equal(message.CreatedAt, message.NextAttemptAt); // due for the outbox at once
        Assert.Equal(NotificationPriority.Bulk, message.Priority);
        var audit = await Fixture.QueryAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == "ExpireCredentials"));
        Assert.Equal((expiring.Id.ToString(), "{\"Status\":\"Active\"}", "{\"Status\":\"Expired\"}", "TN"), (audit.EntityId, audit.Before, audit.After, audit.StateCode));
    }

    [Fact]
    public async Task An_expired_credential_lapses_when_the_grace_period_has_passed()
    {
        var program = await _data.ProgramAsync(gracePeriodDays: 30);
        var inGrace = await _data.CredentialAsync(program, await _data.PersonAsync(), _data.Today.AddDays(-30));
        var pastGrace = await _data.CredentialAsync(program, await _data.PersonAsync(), _data.Today.AddDays(-31));

        var run = await _data.ExpireAsync();

        Assert.Equal((2, 1), (run.Expired, run.Lapsed));
        Assert.Equal(CredentialStatus.Expired, (await _data.ReloadAsync(inGrace.Id)).Status);
        var lapsed = await _data.ReloadAsync(pastGrace.Id);
        Assert.Equal(CredentialStatus.Lapsed, lapsed.Status);
        Assert.Equal(
            [(CredentialEventKind.Issued, pastGrace.IssuedOn), (CredentialEventKind.Expired, _data.Today.AddDays(-30)), (CredentialEventKind.Lapsed, _data.Today)],
            lapsed.History.OrderBy(e => e.Sequence).Select(e => (e.Kind, e.EffectiveOn)));
        Assert.Equal(CredentialStatus.Expired, lapsed.StatusOn(_data.Today.AddDays(-1)));
        Assert.Equal(3, await Fixture.QueryAsync(db => db.Notifications.CountAsync()));
    }

    [Fact]
    public async Task A_second_run_changes_nothing()
    {
        var program = await _data.ProgramAsync();
        await _data.CredentialAsync(program, await _data.PersonAsync(), _data.Today.AddDays(-100));
        await _data.ExpireAsync();
        var counts = await CountsAsync();

        var second = await _data.ExpireAsync();

        Assert.Equal((0, 0), (second.Expired, second.Lapsed));
        Assert.Equal(counts, await CountsAsync());
    }

    [Fact]
    public async Task A_renewal_submitted_in_time_keeps_the_credential_from_lapsing()
    {
        var program = await _data.ProgramAsync(gracePeriodDays: 10);
        var credential = await _data.CredentialAsync(program, await _data.PersonAsync(), _data.Today.AddDays(-5));
        await _data.ExpireAsync();
        await _data.RenewalAsync(credential, ApplicationStatus.UnderReview);

        Fixture.Clock.Advance(TimeSpan.FromDays(20));
        var run = await _data.ExpireAsync();

        Assert.Equal(0, run.Lapsed);
        Assert.Equal(CredentialStatus.Expired, (await _data.ReloadAsync(credential.Id)).Status);
    }

    [Fact]
    public async Task Probation_expires_but_a_suspension_stands()
    {
        var program = await _data.ProgramAsync();
        var onProbation = await _data.CredentialAsync(program, await _data.PersonAsync(), _data.Today.AddDays(-1),
            c => c.PlaceOnProbation("Weekly supervision.", c.IssuedOn.AddYears(3), c.IssuedOn.AddDays(1), Guid.NewGuid(), Now));
        var suspended = await _data.CredentialAsync(program, await _data.PersonAsync(), _data.Today.AddDays(-1),
            c => c.Suspend("Under investigation.", c.IssuedOn.AddDays(1), null, Guid.NewGuid(), Now));

        await _data.ExpireAsync();

        var expired = await _data.ReloadAsync(onProbation.Id);
        Assert.Equal((CredentialStatus.Expired, CredentialStatus.Probation), (expired.Status, expired.History.OrderBy(e => e.Sequence).Last().FromStatus));
        Assert.Equal(CredentialStatus.Suspended, (await _data.ReloadAsync(suspended.Id)).Status);
    }

    [Fact]
    public async Task A_change_after_the_expiry_date_keeps_the_history_in_order()
    {
        var program = await _data.ProgramAsync();
        var expiresOn = _data.Today.AddDays(-10);
        var credential = await _data.CredentialAsync(program, await _data.PersonAsync(), expiresOn,
            c => c.Reprimand("Late paperwork.", expiresOn.AddDays(5), Guid.NewGuid(), Now));

        await _data.ExpireAsync();

        var saved = await _data.ReloadAsync(credential.Id);
        Assert.Equal(expiresOn.AddDays(5), saved.History.OrderBy(e => e.Sequence).Last().EffectiveOn);
    }

    [Fact]
    public async Task An_expired_credential_loads_and_renews_through_the_domain()
    {
        var program = await _data.ProgramAsync();
        var expiresOn = _data.Today.AddDays(-3);
        var credential = await _data.CredentialAsync(program, await _data.PersonAsync(), expiresOn);
        await _data.ExpireAsync();

        await Fixture.ExecuteAsync(async db =>
        {
            var tracked = await db.Credentials.Include(c => c.History).SingleAsync(c => c.Id == credential.Id);
            tracked.Renew(24, _data.Today, Guid.NewGuid(), Now);
            await db.SaveChangesAsync();
        });

        var renewed = await _data.ReloadAsync(credential.Id);
        Assert.Equal((CredentialStatus.Active, expiresOn.AddMonths(24), 3), (renewed.Status, renewed.ExpiresOn, renewed.History.Max(e => e.Sequence)));
    }

    private Task<(int History, int Messages, int Audit)> CountsAsync() => Fixture.QueryAsync(async db =>
        (await db.Set<CredentialEvent>().CountAsync(), await db.Notifications.CountAsync(), await db.AuditEntries.CountAsync()));
}

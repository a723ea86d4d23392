using Microsoft.EntityFrameworkCore;
using Registry.Domain.Applications;
using Registry.Domain.Notifications;
using Registry.Testing;

namespace Registry.Application.Tests.Features.Jobs;

/// <summary>The daily reminder job on a real database (PostgreSQL, and SQLite in the second run of this suite).</summary>
public sealed class RenewalReminderJobTests(SliceFixture fixture) : SliceTest(fixture)
{
    private readonly JobTestData _data = new(fixture);

    private Task<List<RenewalReminder>> RemindersAsync() => Fixture.QueryAsync(db => db.RenewalReminders.AsNoTracking().ToListAsync());

    private Task<List<Notification>> MessagesAsync() =>
        Fixture.QueryAsync(db => db.Notifications.AsNoTracking().Where(n => n.Template == "renewal-reminder").ToListAsync());

    [Fact]
    public async Task Each_credential_gets_the_reminder_of_the_stage_it_has_reached()
    {
        var program = await _data.ProgramAsync();
        var today = _data.Today;
        var expected = new Dictionary<int, int?> { [91] = null, [90] = 90, [75] = 90, [60] = 60, [45] = 60, [30] = 30, [8] = 30, [7] = 7, [1] = 7, [0] = 0, [-1] = null };
        var byDays = new Dictionary<Guid, int>();
        foreach (var days in expected.Keys)
        {
            var holder = await _data.PersonAsync($"In{Math.Abs(days)}");
            byDays[(await _data.CredentialAsync(program, holder, today.AddDays(days))).Id] = days;
        }

        var run = await _data.RemindAsync();

        var reminders = await RemindersAsync();
        Assert.Equal(expected.Values.Count(v => v is not null), run.Reminders);
        Assert.Equal(
            expected.Where(e => e.Value is not null).OrderBy(e => e.Key).Select(e => (e.Key, e.Value!.Value)),
            reminders.Select(r => (byDays[r.CredentialId], r.DaysBefore)).OrderBy(r => r.Item1));
        Assert.All(reminders, r => Assert.Equal(today.AddDays(byDays[r.CredentialId]), r.CycleExpiresOn));
        var messages = await MessagesAsync();
        Assert.Equal(run.Reminders, messages.Count);
        Assert.All(messages, m => Assert.Equal(m.CreatedAt, m.NextAttemptAt)); // due for the outbox at once
        Assert.All(messages, m => Assert.Equal(NotificationPriority.Bulk, m.Priority));
    }

    [Fact]
    public async Task A_second_run_sends_nothing()
    {
        var program = await _data.ProgramAsync();
        var holder = await _data.PersonAsync();
        await _data.CredentialAsync(program, holder, _data.Today.AddDays(30));

        var first = await _data.RemindAsync();
        var second = await _data.RemindAsync();

        Assert.Equal((1, 1), (first.Reminders, first.Messages));
        Assert.Equal((0, 0), (second.Reminders, second.Messages));
        Assert.Single(await MessagesAsync());
    }

    [Fact]
    public async Task A_holder_with_several_credentials_due_gets_one_message_listing_them()
    {
        var tennessee = await _data.ProgramAsync("TN");
        var texas = await _data.ProgramAsync("TX");
        var holder = await _data.PersonAsync("Morgan");
        var first = await _data.CredentialAsync(tennessee, holder, _data.Today.AddDays(60));
        var second = await _data.CredentialAsync(texas, holder, _data.Today);

        var run = await _data.RemindAsync();

        Assert.Equal((2, 1), (run.Reminders, run.Messages));
        var message = Assert.Single(await MessagesAsync());
        Assert.Equal(holder.Email, message.RecipientEmail);
        Assert.Equal("Time to renew your peer specialist credentials", message.Rendered().Subject);
        Assert.StartsWith("Hello Morgan,", message.Rendered().Text);
        Assert.Contains($"credential {second.Number} expires today, on {_data.Today:MMMM d, yyyy}.", message.Rendered().Text);
        Assert.Contains($"credential {first.Number} expires on {_data.Today.AddDays(60):MMMM d, yyyy}.", message.Rendered().Text);
        Assert.True(message.Rendered().Text.IndexOf(second.Number.Value, StringComparison.Ordinal) < message.Rendered().Text.IndexOf(first.Number.Value, StringComparison.Ordinal), "soonest first");
        Assert.Contains("/Credentials", message.Rendered().Text);
    }

    [Fact]
    public async Task A_job_down_for_three_days_catches_up_with_one_reminder_not_three()
    {
        var program = await _data.ProgramAsync();
        var holder = await _data.PersonAsync();
        var credential = await _data.CredentialAsync(program, holder, _data.Today.AddDays(32));
        await _data.RemindAsync(); // the 60-day reminder

        Fixture.Clock.Advance(TimeSpan.FromDays(3)); // 29 days to go: the 30-day stage passed while the job was down
        var late = await _data.RemindAsync();
        var again = await _data.RemindAsync();

        Assert.Equal((1, 0), (late.Reminders, again.Reminders));
        Assert.Equal([60, 30], (await RemindersAsync()).Where(r => r.CredentialId == credential.Id).OrderByDescending(r => r.DaysBefore).Select(r => r.DaysBefore));
        Assert.Equal(2, (await MessagesAsync()).Count);
    }

    [Fact]
    public async Task Each_reminder_day_of_the_program_is_sent_once_in_a_cycle_run_daily()
    {
        var program = await _data.ProgramAsync(reminderDays: [45, 10]);
        var holder = await _data.PersonAsync();
        var credential = await _data.CredentialAsync(program, holder, _data.Today.AddDays(50));

        for (var day = 0; day <= 52; day++)
        {
            await _data.RemindAsync();
            Fixture.Clock.Advance(TimeSpan.FromDays(1));
        }

        Assert.Equal([45, 10, 0], (await RemindersAsync()).Where(r => r.CredentialId == credential.Id).OrderByDescending(r => r.DaysBefore).Select(r => r.DaysBefore));
    }

    [Fact]
    public async Task Reminders_stop_once_a_renewal_is_submitted_but_not_for_a_draft()
    {
        var program = await _data.ProgramAsync();
        var drafting = await _data.CredentialAsync(program, await _data.PersonAsync("Drafting"), _data.Today.AddDays(20));
        var submitted = await _data.CredentialAsync(program, await _data.PersonAsync("Submitted"), _data.Today.AddDays(20));
        await _data.RenewalAsync(drafting, ApplicationStatus.Draft);
        await _data.RenewalAsync(submitted, ApplicationStatus.Submitted);

        await _data.RemindAsync();

        Assert.Equal([drafting.Id], (await RemindersAsync()).Select(r => r.CredentialId));
    }

    [Fact]
    public async Task Suspended_expired_and_revoked_credentials_are_not_reminded()
    {
        var program = await _data.ProgramAsync();
        var soon = _data.Today.AddDays(10);
        await _data.CredentialAsync(program, await _data.PersonAsync("Suspended"), soon,
            c => c.Suspend("Under investigation.", c.IssuedOn.AddDays(1), null, Guid.NewGuid(), Now));
        await _data.CredentialAsync(program, await _data.PersonAsync("Revoked"), soon,
            c => c.Revoke("Fraud.", c.IssuedOn.AddDays(1), Guid.NewGuid(), Now));
        var onProbation = await _data.CredentialAsync(program, await _data.PersonAsync("Probation"), soon,
            c => c.PlaceOnProbation("Weekly supervision.", c.IssuedOn.AddYears(3), c.IssuedOn.AddDays(1), Guid.NewGuid(), Now));

        await _data.RemindAsync();

        Assert.Equal([onProbation.Id], (await RemindersAsync()).Select(r => r.CredentialId));
    }

    [Fact]
    public async Task A_run_is_audited()
    {
        var program = await _data.ProgramAsync();
        await _data.CredentialAsync(program, await _data.PersonAsync(), _data.Today.AddDays(5));

        var run = await _data.RemindAsync();

        var entry = await Fixture.QueryAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == "RemindRenewals"));
        Assert.Equal(run.RunId.ToString(), entry.EntityId);
        Assert.Contains("\"Reminders\":1", entry.After);
    }
}

using Microsoft.EntityFrameworkCore;
using Registry.Domain.Credentials;
using Registry.Domain.Notifications;
using Registry.Domain.People;
using Registry.Domain.Workforce;
using Registry.Infrastructure.Jobs;
using Registry.Testing;

namespace Registry.Application.Tests.Features.Jobs;

/// <summary>The daily invitation to the yearly retention questions, on a real database.</summary>
public sealed class RetentionReminderJobTests(SliceFixture fixture) : SliceTest(fixture)
{
    private readonly JobTestData _data = new(fixture);

    private Task<List<Notification>> MessagesAsync() =>
        Fixture.QueryAsync(db => db.Notifications.AsNoTracking().Where(n => n.Template == "retention-questions").OrderBy(n => n.CreatedAt).ToListAsync());

    private Task<RetentionReminderRun> RunAsync() => Fixture.RunAsync<RetentionReminderJob, RetentionReminderRun>(job => job.RunAsync());

    private async Task AnsweredAsync(Credential credential, Person holder, SurveyOccasion occasion, DateOnly answeredOn) =>
        await Fixture.InsertAsync(new WorkforceSurveyResponse(holder.Id, credential.StateCode, credential.ProgramId, occasion,
            occasion == SurveyOccasion.AnnualPulse ? null : Guid.NewGuid(), credential.Id,
            new WorkforceAnswers { Employment = EmploymentAnswer.PeerRole }, answeredOn, Fixture.Clock.GetUtcNow()));

    [Fact]
    public async Task A_holder_who_has_not_answered_gets_one_invitation_linking_to_the_questions()
    {
        var program = await _data.ProgramAsync();
        var holder = await _data.PersonAsync("Morgan");
        var credential = await _data.CredentialAsync(program, holder, _data.Today.AddYears(1));

        var run = await RunAsync();

        Assert.Equal(1, run.Messages);
        var message = Assert.Single(await MessagesAsync());
        Assert.Equal(holder.Email, message.RecipientEmail);
        Assert.Equal(holder.Id, message.PersonId);
        Assert.Equal(NotificationPriority.Bulk, message.Priority);
        Assert.Equal($"retention-questions:{credential.Id}:{run.Today:yyyy-MM-dd}", message.DeduplicationKey, ignoreCase: true);
        var rendered = message.Rendered();
        Assert.Equal("Three quick questions about your peer work (optional)", rendered.Subject);
        Assert.StartsWith("Hello Morgan,", rendered.Text);
        Assert.Contains(credential.Number.Value, rendered.Text);
        Assert.Contains($"/Account/WorkPulse?credentialId={credential.Id}", rendered.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Answering is up to you", rendered.Text);
    }

    [Fact]
    public async Task Running_twice_on_a_day_sends_once()
    {
        var program = await _data.ProgramAsync();
        await _data.CredentialAsync(program, await _data.PersonAsync(), _data.Today.AddYears(1));

        var first = await RunAsync();
        var second = await RunAsync();

        Assert.Equal((1, 0), (first.Messages, second.Messages));
        Assert.Single(await MessagesAsync());
    }

    [Fact]
    public async Task A_holder_who_answered_at_renewal_three_months_ago_is_skipped_and_one_who_answered_over_a_year_ago_is_not()
    {
        var program = await _data.ProgramAsync();
        var renewed = await _data.PersonAsync("Renewed");
        var pulse = await _data.PersonAsync("Pulse");
        var longAgo = await _data.PersonAsync("LongAgo");
        var renewedCredential = await _data.CredentialAsync(program, renewed, _data.Today.AddYears(1));
        var pulseCredential = await _data.CredentialAsync(program, pulse, _data.Today.AddYears(1));
        var longAgoCredential = await _data.CredentialAsync(program, longAgo, _data.Today.AddYears(1));
        await AnsweredAsync(renewedCredential, renewed, SurveyOccasion.Renewal, _data.Today.AddMonths(-3));
        await AnsweredAsync(pulseCredential, pulse, SurveyOccasion.AnnualPulse, _data.Today.AddMonths(-11));
        await AnsweredAsync(longAgoCredential, longAgo, SurveyOccasion.Application, _data.Today.AddMonths(-13));

        var run = await RunAsync();

        Assert.Equal(1, run.Messages);
        Assert.Equal(longAgo.Email, Assert.Single(await MessagesAsync()).RecipientEmail);
    }

    [Fact]
    public async Task Only_credentials_in_force_are_reminded()
    {
        var program = await _data.ProgramAsync();
        await _data.CredentialAsync(program, await _data.PersonAsync("Active"), _data.Today.AddYears(1));
        await _data.CredentialAsync(program, await _data.PersonAsync("Suspended"), _data.Today.AddYears(1),
            c => c.Suspend("Investigation", _data.Today, null, Guid.NewGuid(), Fixture.Clock.GetUtcNow()));

        Assert.Equal(1, (await RunAsync()).Messages);
    }

    [Fact]
    public async Task A_holder_reminded_is_reminded_again_once_twelve_months_have_passed()
    {
        var program = await _data.ProgramAsync();
        await _data.CredentialAsync(program, await _data.PersonAsync(), _data.Today.AddYears(3));
        var first = await RunAsync();
        var yearLater = first.Today.AddYears(1).DayNumber - first.Today.DayNumber;

        Fixture.Clock.Advance(TimeSpan.FromDays(yearLater - 1));
        var dayBefore = await RunAsync();
        Fixture.Clock.Advance(TimeSpan.FromDays(1));
        var again = await RunAsync();
        var twice = await RunAsync();

        Assert.Equal((1, 0, 1, 0), (first.Messages, dayBefore.Messages, again.Messages, twice.Messages));
        Assert.Equal(first.Today.AddYears(1), again.Today);
        Assert.Equal(2, (await MessagesAsync()).Count);
    }
}

using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Security;
using Registry.Domain.Notifications;
using Registry.Web.Tests.Account;

using Registry.Testing;

namespace Registry.Web.Tests.Mail;

/// <summary>/Staff/Outbox: a SystemAdmin sees the messages the dispatcher could not send, and re-queues them.</summary>
[Collection(nameof(WebCollection))]
public sealed class OutboxPageTests(WebFixture fixture) : OutboxTest(fixture)
{
    private async Task<Notification> GiveUpOnFirstAsync()
    {
        var failing = Assert.Single(await QueueAsync(1));
        for (var attempt = 0; attempt < Notification.MaxAttempts; attempt++)
        {
            Assert.Equal(0, await DispatchAsync(new OutboxDispatcherTests.FailingSender()));
            Clock.Advance(Notification.LongestRetryDelay);
        }
        // Another message, written since, waits for its first attempt.
        await Fixture.InsertAsync(TestMessages.Labelled("waiting@test.example", "Still queued", Clock.GetUtcNow()));
        return failing;
    }

    private async Task<HttpClient> SignedInAsync(string role, string? state = null)
    {
        var email = $"{role.ToLowerInvariant()}@test.example";
        await Fixture.CreateUserAsync(email, role, state, personId: role == Roles.Applicant ? Guid.NewGuid() : null);
        var browser = Fixture.Client();
        await WebFixture.SignInThroughFormAsync(browser, email);
        return browser;
    }

    [Theory]
    [InlineData(Roles.StateAdmin, "TN")]
    [InlineData(Roles.Reviewer, "TN")]
    [InlineData(Roles.Applicant, null)]
    public async Task Only_a_system_admin_opens_the_outbox(string role, string? state)
    {
        var failed = await GiveUpOnFirstAsync();
        var browser = await SignedInAsync(role, state);

        var page = await browser.GetAsync("/Staff/Outbox");
        // A genuine token (from the sign-out form every page carries), so only the role can refuse the post.
        var token = WebFixture.AntiforgeryToken(await browser.GetStringAsync("/"));
        var retry = await browser.PostAsync($"/Staff/Outbox?handler=Retry&id={failed.Id}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", page.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", retry.Headers.Location!.PathAndQuery);
        Assert.NotNull(Assert.Single(await OutboxAsync(), n => n.Id == failed.Id).FailedAt);
        Assert.Equal(HttpStatusCode.Redirect, (await Fixture.Client().GetAsync("/Staff/Outbox")).StatusCode);
    }

    [Fact]
    public async Task A_message_given_up_shows_without_its_body_and_retry_now_requeues_it_and_is_audited()
    {
        var failed = await GiveUpOnFirstAsync();
        var admin = await SignedInAsync(Roles.SystemAdmin);

        var page = await admin.GetStringAsync("/Staff/Outbox");

        Assert.Contains("<strong>1</strong> failed", page);
        Assert.Contains("<strong>1</strong> queued", page);
        Assert.Contains("peer1@test.example", page);
        Assert.Contains("Message 1", page);
        Assert.Contains("The relay is down.", page);
        Assert.Contains("waiting@test.example", page);
        Assert.DoesNotContain("is now approved on the Peer Specialist Registry", page); // no body

        var response = await admin.PostAsync($"/Staff/Outbox?handler=Retry&id={failed.Id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebFixture.AntiforgeryToken(page),
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("queued again", await admin.GetStringAsync("/Staff/Outbox"));
        var requeued = Assert.Single(await OutboxAsync(), n => n.Id == failed.Id);
        Assert.Equal((0, (DateTimeOffset?)null, (DateTimeOffset?)null), (requeued.Attempts, requeued.FailedAt, requeued.SentAt));
        var audit = await Fixture.QueryAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == "RetryNotification"));
        Assert.Equal(("Notification", failed.Id.ToString(), "systemadmin@test.example"), (audit.EntityType, audit.EntityId, audit.ActorName));

        var sender = new OutboxDispatcherTests.RecordingSender();
        Assert.Equal(2, await DispatchAsync(sender));
        Assert.Contains(TestMessages.SubjectOf("Message 1"), sender.Subjects);
        Assert.Contains("Every message has been sent.", await admin.GetStringAsync("/Staff/Outbox"));
    }

    [Fact]
    public async Task Health_is_degraded_while_a_message_is_given_up()
    {
        await GiveUpOnFirstAsync();

        var response = await Fixture.Client().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Degraded", body.RootElement.GetProperty("status").GetString());
        var outbox = body.RootElement.GetProperty("checks").GetProperty("outbox");
        Assert.Equal("Degraded", outbox.GetProperty("status").GetString());
        Assert.StartsWith("1 message(s)", outbox.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Retrying_a_message_already_sent_is_refused_on_the_page()
    {
        var queued = Assert.Single(await QueueAsync(1));
        Assert.Equal(1, await DispatchAsync(new OutboxDispatcherTests.RecordingSender()));
        var admin = await SignedInAsync(Roles.SystemAdmin);
        var page = await admin.GetStringAsync("/Staff/Outbox");

        var response = await admin.PostAsync($"/Staff/Outbox?handler=Retry&id={queued.Id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebFixture.AntiforgeryToken(page),
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("This message has been sent already.", await response.Content.ReadAsStringAsync());
        Assert.Equal(1, Assert.Single(await OutboxAsync()).Attempts);
    }
}

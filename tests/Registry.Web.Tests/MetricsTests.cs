using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Registry.Infrastructure.Telemetry;
using Registry.Testing;
using Registry.Web.Infrastructure;
using Registry.Web.Tests.Mail;

namespace Registry.Web.Tests;

/// <summary>
/// /metrics scraped from the real host as Prometheus would, from loopback (the default allowed address) and from
/// elsewhere; the console's JSON log lines. Each scrape is of a host of the test's own, on the collection's database:
/// a host's metrics reader also follows the same-named instruments of the other hosts in the test process, and stops
/// following an instrument once any host that has it is disposed (so the collection's long-lived host would lose them).
/// </summary>
[Collection(nameof(WebCollection))]
public sealed partial class MetricsTests(WebFixture fixture) : OutboxTest(fixture)
{
    /// <summary>The queue the test host's job server works and nothing else puts jobs on (see RegistryFactory).</summary>
    private const string HostQueue = "registry-tests-idle";

    [Fact]
    public async Task A_scrape_shows_request_durations_by_route_template_and_database_command_durations()
    {
        await using var host = Host();
        var client = host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/jurisdictions")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/verifications/ZZ-CPS-424242")).StatusCode);

        var (status, metrics) = await ScrapeAsync(host, IPAddress.Loopback);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(Value(metrics, "http_server_request_duration_seconds_count", ("http_route", "/api/v1/jurisdictions")) >= 1, Head(metrics));
        Assert.True(Value(metrics, "http_server_request_duration_seconds_count", ("http_route", "/api/v1/verifications/{credentialNumber}"), ("http_response_status_code", "404")) >= 1, Head(metrics));
        Assert.DoesNotContain("424242", metrics);
        Assert.True(Value(metrics, "db_client_operation_duration_seconds_count") >= 1, Head(metrics));
        Assert.True(Value(metrics, "registry_db_command_duration_seconds_count", ("outcome", "succeeded")) >= 1, Head(metrics));
    }

    [Fact]
    public async Task Metrics_are_not_found_from_an_address_not_allowed_nor_for_an_outside_caller_behind_the_proxy()
    {
        await using var host = Host(new() { ["ReverseProxy:KnownProxies:0"] = "127.0.0.1" });
        var (outside, body) = await ScrapeAsync(host, IPAddress.Parse("203.0.113.9"));
        Assert.Equal(HttpStatusCode.NotFound, outside);
        Assert.Contains("Page not found", body);
        Assert.DoesNotContain("http_server", body);

        // The proxy on loopback (configured as the proxy) is believed about its caller, who is outside.
        var (proxied, _) = await ScrapeAsync(host, IPAddress.Loopback, forwardedFor: "203.0.113.9");
        Assert.Equal(HttpStatusCode.NotFound, proxied);

        var (mapped, _) = await ScrapeAsync(host, IPAddress.Loopback.MapToIPv6());
        Assert.Equal(HttpStatusCode.OK, mapped);
    }

    [Fact]
    public async Task Background_job_runs_count_by_job_class_and_outcome()
    {
        await using var host = Host();
        var jobs = host.Services.GetRequiredService<IBackgroundJobClient>();
        var storage = host.Services.GetRequiredService<JobStorage>();

        var succeeding = jobs.Create(Job.FromExpression<ProbeJob>(j => j.Succeed()), new EnqueuedState(HostQueue));
        var failing = jobs.Create(Job.FromExpression<ProbeJob>(j => j.Fail()), new EnqueuedState(HostQueue));
        await WaitForStateAsync(storage, succeeding, SucceededState.StateName);
        await WaitForStateAsync(storage, failing, FailedState.StateName);

        var (_, metrics) = await ScrapeAsync(host, IPAddress.Loopback);
        Assert.Equal(1, Value(metrics, "registry_jobs_completed_total", ("job", nameof(ProbeJob)), ("outcome", "succeeded")));
        Assert.Equal(1, Value(metrics, "registry_jobs_completed_total", ("job", nameof(ProbeJob)), ("outcome", "failed")));
    }

    [Fact]
    public async Task The_outbox_backlog_and_failed_sends_show()
    {
        await using var host = Host();
        await QueueAsync(3);
        await using (var scope = host.Services.CreateAsyncScope())
            Assert.Equal(0, await Dispatcher(scope.ServiceProvider, new OutboxDispatcherTests.FailingSender(), Options(), Clock).DispatchAsync());

        var metrics = await ScrapeUntilAsync(host, text => Value(text, "registry_outbox_backlog", ("state", "waiting")) == 3);
        Assert.Equal(0, Value(metrics, "registry_outbox_backlog", ("state", "given_up")));
        Assert.Equal(3, Value(metrics, "registry_outbox_send_failures_total", ("outcome", "retrying")));

        // Sent since, but the count is kept until it is older than its maximum age, however often it is scraped.
        await Fixture.QueryAsync(db => db.Notifications.ExecuteUpdateAsync(set => set.SetProperty(n => n.SentAt, Clock.GetUtcNow())));
        Assert.Equal(3, Value(await ScrapeTextAsync(host), "registry_outbox_backlog", ("state", "waiting")));
        // The collection's host counts for this host's reader too (see above), by its own clock.
        foreach (var clock in new[] { host.Clock, Fixture.Factory.Clock }) clock.Advance(OutboxBacklog.MaxAge);
        await ScrapeUntilAsync(host, text => Value(text, "registry_outbox_backlog", ("state", "waiting")) == 0);
    }

    [Fact]
    public async Task Rate_limit_rejections_count_by_kind_of_caller()
    {
        await using var host = Host(new Dictionary<string, string?> { ["RateLimiting:Anonymous:PermitLimit"] = "1", ["RateLimiting:WindowSeconds"] = "300" });
        var anonymous = host.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/v1/verifications/ZZ-CPS-000001")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await anonymous.GetAsync("/api/v1/verifications/ZZ-CPS-000001")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await anonymous.GetAsync("/api/v1/verifications/ZZ-CPS-000002")).StatusCode);

        var (_, metrics) = await ScrapeAsync(host, IPAddress.Loopback);
        Assert.Equal(2, Value(metrics, "registry_rate_limit_rejections_total", ("caller", "anonymous")));
    }

    [Fact]
    public void Console_logs_outside_Development_are_JSON_lines_with_the_trace_id_and_no_request_path()
    {
        var services = Fixture.Factory.Services;
        var formatterName = services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName;
        Assert.Equal(JsonLogFormatter.FormatterName, formatterName);
        var formatter = services.GetServices<ConsoleFormatter>().Single(f => f.Name == formatterName);

        using var span = new Activity("request").SetIdFormat(ActivityIdFormat.W3C).Start();
        var scopes = new LoggerExternalScopeProvider();
        using var requestScope = scopes.Push(new Dictionary<string, object?> { ["RequestPath"] = "/Confirm/secret-token" });
        var output = new StringWriter();
        var state = new[] { new KeyValuePair<string, object?>("NotificationId", Guid.Empty), new KeyValuePair<string, object?>("{OriginalFormat}", "Notification {NotificationId} could not be sent.") };
        formatter.Write(new LogEntry<KeyValuePair<string, object?>[]>(LogLevel.Warning, "Registry.Infrastructure.Mail.OutboxDispatcher", new EventId(7), state, new InvalidOperationException("relay down"),
            (_, _) => $"Notification {Guid.Empty} could not be sent."), scopes, output);

        var line = Assert.Single(output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var json = JsonDocument.Parse(line);
        var log = json.RootElement;
        Assert.Equal(span.TraceId.ToHexString(), log.GetProperty("TraceId").GetString());
        Assert.Equal(span.SpanId.ToHexString(), log.GetProperty("SpanId").GetString());
        Assert.Equal("Warning", log.GetProperty("LogLevel").GetString());
        Assert.Equal($"Notification {Guid.Empty} could not be sent.", log.GetProperty("Message").GetString());
        Assert.Equal(Guid.Empty.ToString(), log.GetProperty("State").GetProperty("NotificationId").GetString());
        Assert.Contains("relay down", log.GetProperty("Exception").GetString());
        Assert.Equal(TestClock.Start, log.GetProperty("Timestamp").GetDateTimeOffset());
        Assert.DoesNotContain("secret-token", line);
    }

    /// <summary>A job of the test's own, run by the host's job server.</summary>
    public sealed class ProbeJob
    {
        public void Succeed() { }

        [AutomaticRetry(Attempts = 0)]
        public void Fail() => throw new InvalidOperationException("The probe job fails on purpose.");
    }

    /// <summary>GET /metrics as sent from <paramref name="from"/> (the test server's caller address), optionally through a proxy.</summary>
    private static async Task<(HttpStatusCode Status, string Body)> ScrapeAsync(RegistryFactory host, IPAddress from, string? forwardedFor = null)
    {
        var context = await host.Server.SendAsync(request =>
        {
            request.Request.Method = HttpMethods.Get;
            request.Request.Path = Telemetry.MetricsPath;
            request.Connection.RemoteIpAddress = from;
            if (forwardedFor is not null) request.Request.Headers["X-Forwarded-For"] = forwardedFor;
        });
        using var reader = new StreamReader(context.Response.Body);
        return ((HttpStatusCode)context.Response.StatusCode, await reader.ReadToEndAsync());
    }

    private RegistryFactory Host(Dictionary<string, string?>? settings = null) => new(Fixture.Factory.Database, settings: settings);

    private static async Task<string> ScrapeTextAsync(RegistryFactory host)
    {
        var (status, body) = await ScrapeAsync(host, IPAddress.Loopback);
        Assert.Equal(HttpStatusCode.OK, status);
        return body;
    }

    /// <summary>Scrapes until <paramref name="done"/>: the backlog's count runs beside the scrape that asked for it.</summary>
    private static async Task<string> ScrapeUntilAsync(RegistryFactory host, Func<string, bool> done)
    {
        var text = "";
        for (var attempt = 0; attempt < 100; attempt++)
        {
            text = await ScrapeTextAsync(host);
            if (done(text)) return text;
            await Task.Delay(200);
        }
        Assert.Fail("The scrape never showed what was expected: " + string.Join("\n", text.Split('\n').Where(l => l.StartsWith("registry_", StringComparison.Ordinal))) + "\n" + string.Join("\n", host.Log.Entries));
        return text;
    }

    private static async Task WaitForStateAsync(JobStorage storage, string job, string state)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            using var connection = storage.GetConnection();
            if (connection.GetStateData(job)?.Name == state) return;
            await Task.Delay(200);
        }
        Assert.Fail($"Job {job} did not reach {state}.");
    }

    /// <summary>The sum of the samples of <paramref name="metric"/> that carry all the <paramref name="labels"/>; 0 when none does.</summary>
    private static double Value(string exposition, string metric, params (string Name, string Value)[] labels) =>
        exposition.Split('\n')
            .Select(line => Sample().Match(line))
            .Where(m => m.Success && m.Groups["name"].Value == metric)
            .Where(m => labels.All(label => Label().Matches(m.Groups["labels"].Value).Any(l => l.Groups[1].Value == label.Name && l.Groups[2].Value == label.Value)))
            .Sum(m => double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture));

    private static string Head(string exposition) => exposition.Length <= 4000 ? exposition : exposition[..4000];

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})?\s+(?<value>\S+)""")]
    private static partial Regex Sample();

    [GeneratedRegex(@"(\w+)=""((?:[^""\\]|\\.)*)""")]
    private static partial Regex Label();
}

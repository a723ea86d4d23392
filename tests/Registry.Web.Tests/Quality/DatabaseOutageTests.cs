using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Registry.Application.Common.Security;
using Registry.Infrastructure.Persistence;
using Registry.Testing;
using Registry.Web.Tests.Verification;

namespace Registry.Web.Tests.Quality;

/// <summary>
/// The database going away under load, and coming back. The host reaches its own database through a relay the test
/// cuts (every connection reset, new ones refused) and restores; the shared PostgreSQL server never stops. While the
/// database is away every request ends soon with 503 (problem details and Retry-After for the API, a plain page for
/// pages), never 500; requests the caller gives up on mid-query leave no context misused; once it is back the next
/// request succeeds, with nothing restarted.
/// </summary>
[Collection(nameof(MachineWideTests))]
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    /// <summary>Far above the 5 s the registry aims for, so a slow machine does not fail the test; a hang does.</summary>
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(15);

    private CuttableProxy _proxy = null!;
    private RegistryFactory _factory = null!;
    private WebFixture _fixture = null!;
    private Uri _address = null!;

    public async Task InitializeAsync()
    {
        var database = await TestDatabase.FreshPostgresAsync("outage");
        _proxy = database.Proxy();
        _factory = new RegistryFactory(database.ThroughLoopbackPort(_proxy.Port), settings: new Dictionary<string, string?>
        {
            ["Jobs:RunServer"] = "false",
            ["RateLimiting:Anonymous:PermitLimit"] = "1000000",
            ["RateLimiting:ApiKey:PermitLimit"] = "1000000",
        });
        _address = _factory.StartOnLoopback();
        _fixture = new WebFixture(_factory);
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _proxy.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
    }

    private sealed record Outcome(string What, TimeSpan Began, HttpStatusCode Status, TimeSpan Took, bool RetryAfter, string? MediaType, string Body);

    [Fact]
    public async Task Under_load_an_outage_is_answered_503_within_the_budget_without_500s_or_misused_contexts_and_the_next_request_after_it_succeeds()
    {
        var world = await VerificationWebScenario.SeedAsync(_fixture);
        var applicant = TestData.Person("Outage", "Applicant");
        await _fixture.InsertAsync(applicant);
        await _fixture.CreateUserAsync("applicant@outage.example", Roles.Applicant, personId: applicant.Id);
        var writer = Client();
        var token = await writer.PostAsJsonAsync("/api/v1/auth/token", new { email = "applicant@outage.example", password = WebFixture.Password });
        writer.DefaultRequestHeaders.Authorization = new("Bearer", (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        var keyClient = Client();
        keyClient.DefaultRequestHeaders.Add("X-Api-Key", world.ApiKey);
        var number = world.Credential.Number.Value;

        var outcomes = new ConcurrentQueue<Outcome>();
        var test = Stopwatch.StartNew();
        var writes = 0;
        using var stop = new CancellationTokenSource();

        async Task Send(HttpClient client, string what, Func<HttpClient, CancellationToken, Task<HttpResponseMessage>> send)
        {
            var began = test.Elapsed;
            var clock = Stopwatch.StartNew();
            try
            {
                using var response = await send(client, CancellationToken.None);
                var body = await response.Content.ReadAsStringAsync();
                outcomes.Enqueue(new Outcome(what, began, response.StatusCode, clock.Elapsed, response.Headers.RetryAfter is not null,
                    response.Content.Headers.ContentType?.MediaType, body));
            }
            catch (HttpRequestException e)
            {
                outcomes.Enqueue(new Outcome(what, began, 0, clock.Elapsed, false, null, e.ToString()));
            }
        }

        async Task Loop(Func<Task> step)
        {
            while (!stop.IsCancellationRequested) await step();
        }

        /// <summary>Gives up on a request a few milliseconds in, mostly while its query runs: the server sees it aborted.</summary>
        async Task Abandon(string path)
        {
            using var client = Client();
            using var giveUp = new CancellationTokenSource(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 40)));
            try { (await client.GetAsync(path, giveUp.Token)).Dispose(); }
            catch (OperationCanceledException) { }
            catch (HttpRequestException) { }
        }

        var verifiers = Enumerable.Range(0, 6).Select(_ => Client()).ToList();
        var readers = Enumerable.Range(0, 2).Select(_ => Client()).ToList();
        Task[] Load() =>
        [
            .. verifiers.Select(c => Task.Run(() => Loop(() => Send(c, "GET /api/v1/verifications/{number}", (c, ct) => c.GetAsync($"/api/v1/verifications/{number}", ct))))),
            Task.Run(() => Loop(() => Send(keyClient, "POST /api/v1/verifications/bulk", (c, ct) => c.PostAsJsonAsync("/api/v1/verifications/bulk", new[] { number, world.Second.Number.Value }, ct)))),
            .. readers.Select(c => Task.Run(() => Loop(() => Send(c, "GET /Verify/{number}", (c, ct) => c.GetAsync($"/Verify/{number}", ct))))),
            Task.Run(() => Loop(() => Send(writer, "PUT /api/v1/profile", (c, ct) => c.PutAsJsonAsync("/api/v1/profile",
                new { legalFirstName = "Outage", legalLastName = "Applicant", preferredName = $"Write {Interlocked.Increment(ref writes)}" }, ct)))),
            .. Enumerable.Range(0, 3).Select(i => Task.Run(() => Loop(() => Abandon(i == 0 ? $"/Verify/{number}" : $"/api/v1/verifications/{number}")))),
        ];

        // Before: the load runs on a healthy database (each request warmed up first).
        Assert.Equal(HttpStatusCode.OK, (await writer.GetAsync($"/Verify/{number}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await writer.GetAsync($"/api/v1/verifications/{number}")).StatusCode);
        var load = Load();
        await Task.Delay(TimeSpan.FromSeconds(3));

        // During: the database is unreachable for eight seconds.
        var cut = test.Elapsed;
        _proxy.Cut();
        await Task.Delay(TimeSpan.FromSeconds(2));
        var live = await ProbeAsync("/health/live");
        var ready = await ProbeAsync("/health/ready");
        await Task.Delay(TimeSpan.FromSeconds(6));
        var restored = test.Elapsed;
        _proxy.Restore();

        // After: the load goes on; requests begun a moment after the restore must all succeed.
        await Task.Delay(TimeSpan.FromSeconds(4));
        await stop.CancelAsync();
        await Task.WhenAll(load);
        var before = outcomes.Where(o => o.Began + o.Took < cut).ToList();
        var during = outcomes.Where(o => o.Began >= cut && o.Began < restored).ToList();
        var after = outcomes.Where(o => o.Began > restored + TimeSpan.FromSeconds(1)).ToList();
        Console.WriteLine($"Before {before.Count}, during {during.Count} (503: {during.Count(o => o.Status == HttpStatusCode.ServiceUnavailable)}, " +
            $"longest {during.Max(o => o.Took).TotalSeconds:0.0} s), after {after.Count}; ready took {ready.Took.TotalSeconds:0.0} s");
        PooledContextStressTests.AssertNoContextMisuse(_factory, "an outage under load");
        string Show(IEnumerable<Outcome> some) => string.Join("\n", some.Take(5).Select(o => $"{o.What}: {(int)o.Status} in {o.Took.TotalSeconds:0.0}s {o.Body[..Math.Min(400, o.Body.Length)]}"));
        Assert.True(before.Count > 0 && before.All(o => o.Status == HttpStatusCode.OK), "Before the outage:\n" + Show(before.Where(o => o.Status != HttpStatusCode.OK)));
        var unexpected = during.Where(o => o.Status is not (HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable)).ToList();
        Assert.True(unexpected.Count == 0, $"During the outage {unexpected.Count} of {during.Count} answers were neither 200 nor 503:\n" + Show(unexpected));
        var unavailable = during.Where(o => o.Status == HttpStatusCode.ServiceUnavailable).ToList();
        Assert.NotEmpty(unavailable);
        Assert.All(unavailable, o => Assert.True(o.RetryAfter, $"{o.What} answered 503 without Retry-After"));
        Assert.All(unavailable.Where(o => o.What.Contains("/api/")), o => Assert.Equal("application/problem+json", o.MediaType));
        var page = unavailable.FirstOrDefault(o => o.What == "GET /Verify/{number}");
        Assert.True(page is not null, "No page answered 503 during the outage.");
        Assert.Contains("temporarily unavailable", page.Body, StringComparison.OrdinalIgnoreCase);
        var slow = outcomes.Where(o => o.Took > Generous).ToList();
        Assert.True(slow.Count == 0, $"{slow.Count} requests took longer than {Generous.TotalSeconds} s:\n" + Show(slow));
        Assert.True(after.Count > 0 && after.All(o => o.Status == HttpStatusCode.OK), "After the outage:\n" + Show(after.Where(o => o.Status != HttpStatusCode.OK)));

        Assert.Equal(HttpStatusCode.OK, live.Status);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.Status);
        Assert.True(ready.Took < Generous, $"/health/ready took {ready.Took.TotalSeconds:0.0} s during the outage");
        Assert.Equal(HttpStatusCode.OK, (await ProbeAsync("/health/ready")).Status);
        PooledContextStressTests.AssertNoContextMisuse(_factory, "an outage under load");

        // Writes are whole: each successful one was audited, and none audited more than was tried.
        var succeeded = outcomes.Count(o => o.What == "PUT /api/v1/profile" && o.Status == HttpStatusCode.OK);
        var audited = await _fixture.QueryAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "Person" && a.EntityId == applicant.Id.ToString()));
        Assert.InRange(audited, succeeded, writes);
    }

    [Fact]
    public async Task After_an_outage_the_very_next_request_succeeds_although_the_pool_held_connections_the_outage_broke()
    {
        var world = await VerificationWebScenario.SeedAsync(_fixture);
        var number = world.Credential.Number.Value;
        // The pool holds twenty idle connections, more than a request's retries could try one by one.
        var scopes = Enumerable.Range(0, 20).Select(_ => _factory.Services.CreateAsyncScope()).ToList();
        foreach (var scope in scopes) await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Database.OpenConnectionAsync();
        foreach (var scope in scopes) await scope.DisposeAsync();
        var clients = Enumerable.Range(0, 3).Select(_ => Client()).ToList();

        // Cut and restore with nothing running: every idle connection in the pool is now dead, unbeknown to the pool.
        _proxy.Cut();
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        _proxy.Restore();

        for (var i = 0; i < 3; i++)
        {
            var response = await clients[i].GetAsync($"/api/v1/verifications/{number}");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"Request {i + 1} after the outage: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        PooledContextStressTests.AssertNoContextMisuse(_factory, "after an outage");
    }

    private HttpClient Client() => new() { BaseAddress = _address, Timeout = TimeSpan.FromSeconds(60) };

    private async Task<(HttpStatusCode Status, TimeSpan Took)> ProbeAsync(string path)
    {
        using var client = Client();
        var clock = Stopwatch.StartNew();
        using var response = await client.GetAsync(path);
        return (response.StatusCode, clock.Elapsed);
    }
}

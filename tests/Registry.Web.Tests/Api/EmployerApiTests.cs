using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Features.Discipline;
using Registry.Application.Features.Employers;
using Registry.Domain.Credentials;
using Registry.Domain.Employers;
using Registry.Domain.Jurisdictions;
using Registry.Infrastructure.Identity;
using Registry.Testing;
using Registry.Web.Tests.Verification;

namespace Registry.Web.Tests.Api;

/// <summary>
/// The employer API through the real host with real API keys: the watch-list paged by cursor while it grows,
/// the changes feed giving each change once across runs, and a roster verified by the host's Hangfire server.
/// </summary>
public sealed class EmployerApiTests(WebFixture fixture) : WebTest(fixture)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task The_watch_list_is_added_to_paged_by_cursor_while_it_grows_and_taken_from()
    {
        var world = await VerificationWebScenario.SeedAsync(Fixture);
        var credentials = await CredentialsAsync(world, 5);
        var client = world.KeyClient(Fixture);

        var first = await PostJsonAsync<WatchOutcome>(client, "/api/v1/watch-list",
            new { credentialNumbers = credentials.Take(3).Select(c => c.Number.Value).Append("tn-cprs-999999").ToArray() });
        Assert.Equal((3, 0), (first.Added, first.AlreadyWatched));
        Assert.Equal(["TN-CPRS-999999"], first.NotFound);
        var again = await PostJsonAsync<WatchOutcome>(client, "/api/v1/watch-list", new { credentialNumbers = new[] { credentials[0].Number.Value } });
        Assert.Equal((0, 1), (again.Added, again.AlreadyWatched));

        // Two a page; more are watched between the pages, and show up after the ones already there, each once.
        var seen = new List<string>();
        var page = await GetAsync<Page<WatchedRow>>(client, "/api/v1/watch-list?limit=2");
        seen.AddRange(page.Items.Select(i => i.CredentialNumber));
        Assert.NotNull(page.Next);
        Fixture.Factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await PostJsonAsync<WatchOutcome>(client, "/api/v1/watch-list", new { credentialNumbers = credentials.Skip(3).Select(c => c.Number.Value).ToArray() });
        while (page.Next is { } next)
        {
            page = await GetAsync<Page<WatchedRow>>(client, $"/api/v1/watch-list?limit=2&cursor={Uri.EscapeDataString(next)}");
            Assert.True(page.Items.Count <= 2);
            seen.AddRange(page.Items.Select(i => i.CredentialNumber));
        }
        Assert.Equal(credentials.Select(c => c.Number.Value).Order(), seen.Order());
        Assert.Equal(credentials.Skip(3).Select(c => c.Number.Value).Order(), seen.Skip(3).Order()); // the later ones last
        Assert.Equal(seen.Count, seen.Distinct().Count());

        var removed = await client.DeleteAsync($"/api/v1/watch-list/{credentials[1].Number.Value}");
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/v1/watch-list/{credentials[1].Number.Value}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.DeleteAsync("/api/v1/watch-list/not-a-number")).StatusCode);
        Assert.Equal(4, (await GetAsync<Page<WatchedRow>>(client, "/api/v1/watch-list")).Items.Count);
        Assert.True(await Fixture.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == nameof(StopWatching) && a.EntityType == nameof(WatchedCredential))));

        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/watch-list?limit=0")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/watch-list?cursor=not-ours")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync("/api/v1/watch-list", new { credentialNumbers = Array.Empty<string>() })).StatusCode);

        // Another organisation's key sees its own (empty) list, and cannot take from this one.
        var other = await OtherEmployerKeyAsync(world);
        Assert.Empty((await GetAsync<Page<WatchedRow>>(other, "/api/v1/watch-list")).Items);
        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync($"/api/v1/watch-list/{credentials[0].Number.Value}")).StatusCode);
    }

    [Fact]
    public async Task The_changes_feed_gives_each_change_exactly_once_oldest_first_across_nightly_runs()
    {
        var world = await VerificationWebScenario.SeedAsync(Fixture);
        var client = world.KeyClient(Fixture);
        await PostJsonAsync<WatchOutcome>(client, "/api/v1/watch-list", new { credentialNumbers = new[] { world.Credential.Number.Value, world.Second.Number.Value } });

        // Nothing yet: caught up, with a cursor to come back with.
        var empty = await GetAsync<Page<ChangeRow>>(client, "/api/v1/changes");
        Assert.Empty(empty.Items);
        Assert.NotNull(empty.Next);

        Fixture.Factory.Clock.Advance(TimeSpan.FromHours(1));
        await AsAsync(TestUsers.StateAdmin("TN"), new ReinstateCredential.Command(world.Credential.Id, "Conditions met."));
        await NotifyAsync();
        // Told just now: not in the feed until it has settled, so a change still being saved cannot be passed by.
        var unsettled = await GetAsync<Page<ChangeRow>>(client, $"/api/v1/changes?cursor={Uri.EscapeDataString(empty.Next!)}");
        Assert.Empty(unsettled.Items);
        Assert.Equal(empty.Next, unsettled.Next);

        Fixture.Factory.Clock.Advance(FollowChanges.SettlingTime);
        var run1 = await ReadFeedAsync(client, empty.Next);
        Assert.Equal([(world.Credential.Number.Value, "Reinstated")], run1.Items.Select(c => (c.CredentialNumber, c.Change)));

        // The next night: two more changes, an hour apart; a sync just after the second gets only the first (the second
        // has not settled), and the sync after that only the second: from the cursor each run kept, each change once.
        Fixture.Factory.Clock.Advance(TimeSpan.FromHours(1));
        await ExpireAsync(world.Second.Id);
        await NotifyAsync();
        Fixture.Factory.Clock.Advance(TimeSpan.FromHours(1));
        await ExpireAsync(world.Credential.Id);
        await NotifyAsync();
        var run2 = await ReadFeedAsync(client, run1.Next);
        Assert.Equal([(world.Second.Number.Value, "Expired")], run2.Items.Select(c => (c.CredentialNumber, c.Change)));
        Fixture.Factory.Clock.Advance(FollowChanges.SettlingTime);
        var run3 = await ReadFeedAsync(client, run2.Next);
        Assert.Equal([(world.Credential.Number.Value, "Expired")], run3.Items.Select(c => (c.CredentialNumber, c.Change)));

        // Caught up: nothing again, and the same cursor back.
        var run4 = await GetAsync<Page<ChangeRow>>(client, $"/api/v1/changes?cursor={Uri.EscapeDataString(run3.Next)}");
        Assert.Empty(run4.Items);
        Assert.Equal(run3.Next, run4.Next);
        // From the start, in pages of one: every change once, oldest first.
        Assert.Equal(run1.Items.Concat(run2.Items).Concat(run3.Items), (await ReadFeedAsync(client, null)).Items);
        Assert.Equal(3, await Fixture.QueryAsync(db => db.WatchAlerts.CountAsync()));

        var other = await OtherEmployerKeyAsync(world);
        Assert.Empty((await GetAsync<Page<ChangeRow>>(other, "/api/v1/changes")).Items);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/changes?limit=201")).StatusCode);
    }

    [Fact]
    public async Task A_roster_is_verified_in_the_background_and_only_its_organisation_reads_the_result()
    {
        var world = await VerificationWebScenario.SeedAsync(Fixture);
        var client = world.KeyClient(Fixture);
        var csv = $"Credential number,Last name,State\n{world.Credential.Number.Value},,\nTN-CPRS-999999,,\n,Zephyr,TN\n";

        var response = await UploadAsync(client, Encoding.UTF8.GetBytes(csv), "night-shift.csv");

        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var accepted = (await response.Content.ReadFromJsonAsync<Accepted>(Json))!;
        Assert.Equal($"/api/v1/roster-verifications/{accepted.Id}", response.Headers.Location?.OriginalString);
        Assert.Contains(accepted.Status, new[] { "queued", "running", "completed" });

        var done = await WaitForAsync(client, accepted.Id);
        Assert.Equal(("completed", "night-shift.csv", 3, 2, (string?)null), (done.Status, done.FileName, done.Rows, done.Matched, done.Problem));
        Assert.Equal($"/api/v1/roster-verifications/{accepted.Id}/result", done.ResultUrl);
        Assert.Equal(Now, done.SubmittedAt);

        var result = await client.GetAsync(done.ResultUrl);
        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        Assert.Equal("night-shift-verified.xlsx", result.Content.Headers.ContentDisposition?.FileNameStar ?? result.Content.Headers.ContentDisposition?.FileName);
        var rows = RosterSteps.ReadWorkbook(await result.Content.ReadAsByteArrayAsync());
        var header = rows[0].ToList();
        Assert.Equal(["Yes", "No", "Yes"], rows.Skip(1).Select(r => r[header.IndexOf("Matched")]));
        Assert.Equal(world.Second.Number.Value, rows[3][header.IndexOf("Credential number")]);
        Assert.Null(await Fixture.QueryAsync(db => db.RosterVerifications.Where(r => r.Id == accepted.Id).Select(r => r.Upload).SingleAsync())); // dropped once done
        Assert.True(await Fixture.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == nameof(SubmitRosterVerification) && a.EntityType == nameof(RosterVerification))));
        Assert.True(await Fixture.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == nameof(RunRosterVerification) && a.EntityId == accepted.Id.ToString())));

        var other = await OtherEmployerKeyAsync(world);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/roster-verifications/{accepted.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(done.ResultUrl)).StatusCode);
        var anonymous = Fixture.Client();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/v1/roster-verifications/{accepted.Id}")).StatusCode);

        // Past the retention, it is gone.
        Fixture.Factory.Clock.Advance(RosterVerification.Retention);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(done.ResultUrl)).StatusCode);
    }

    [Fact]
    public async Task A_file_that_is_no_spreadsheet_is_refused_a_spreadsheet_that_cannot_be_read_fails_with_its_problem_and_an_unfinished_one_has_no_result()
    {
        var world = await VerificationWebScenario.SeedAsync(Fixture);
        var client = world.KeyClient(Fixture);

        var binary = await UploadAsync(client, [0x00, 0x01, 0xFF, 0xFE, 0x00], "roster.bin");
        Assert.True(binary.StatusCode == HttpStatusCode.BadRequest, $"{(int)binary.StatusCode} {await binary.Content.ReadAsStringAsync()}");
        Assert.Contains("neither an Excel workbook", await binary.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await UploadAsync(client, [], "empty.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/api/v1/roster-verifications", new MultipartFormDataContent())).StatusCode);

        var noHeader = await UploadAsync(client, Encoding.UTF8.GetBytes("alpha,beta\n1,2\n"), "staff.csv");
        Assert.Equal(HttpStatusCode.Accepted, noHeader.StatusCode);
        var failed = await WaitForAsync(client, (await noHeader.Content.ReadFromJsonAsync<Accepted>(Json))!.Id);
        Assert.Equal("failed", failed.Status);
        Assert.Contains("no header row", failed.Problem);
        Assert.Null(failed.ResultUrl);
        Assert.Equal(HttpStatusCode.Conflict, (await client.GetAsync($"/api/v1/roster-verifications/{failed.Id}/result")).StatusCode);

        var queued = new RosterVerification(world.Employer.Id, "later.csv", Encoding.UTF8.GetBytes("Credential number\n"), Now);
        await Fixture.InsertAsync(queued); // never handed to a job server
        var waiting = await client.GetAsync($"/api/v1/roster-verifications/{queued.Id}/result");
        Assert.Equal(HttpStatusCode.Conflict, waiting.StatusCode);
        Assert.Equal("application/problem+json", waiting.Content.Headers.ContentType?.MediaType);
        Assert.Equal("queued", (await GetAsync<JobStatus>(client, $"/api/v1/roster-verifications/{queued.Id}")).Status);
    }

    [Theory]
    [InlineData("GET", "/api/v1/watch-list")]
    [InlineData("POST", "/api/v1/watch-list")]
    [InlineData("DELETE", "/api/v1/watch-list/TN-CPRS-000001")]
    [InlineData("GET", "/api/v1/changes")]
    [InlineData("POST", "/api/v1/roster-verifications")]
    [InlineData("GET", "/api/v1/roster-verifications/0196f000-0000-7000-8000-000000000000")]
    [InlineData("GET", "/api/v1/roster-verifications/0196f000-0000-7000-8000-000000000000/result")]
    public async Task Every_employer_endpoint_needs_a_live_key(string method, string path)
    {
        var world = await VerificationWebScenario.SeedAsync(Fixture);
        var noKey = await Fixture.Client().SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        var wrongKey = await world.KeyClient(Fixture, "psr_" + new string('0', 64)).SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        Assert.Equal(HttpStatusCode.Unauthorized, wrongKey.StatusCode);
        // A signed-in employer's bearer token is not a key.
        var bearer = await Fixture.ApiClientAsync(world.EmployerEmail);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.SendAsync(new HttpRequestMessage(new HttpMethod(method), path))).StatusCode);
    }

    private async Task<List<Credential>> CredentialsAsync(VerificationWebScenario world, int count)
    {
        var people = Enumerable.Range(1, count).Select(i => TestData.Person($"Watched{i}", "Holder")).ToList();
        var credentials = people.Select(p => Credential.Issue(world.State.Programs[0], p.Id, TestClock.StartDay.AddMonths(-1), Guid.NewGuid(), Now.AddMonths(-1))).ToList();
        await Fixture.InsertAsync([.. people, .. credentials]);
        return credentials;
    }

    private async Task<HttpClient> OtherEmployerKeyAsync(VerificationWebScenario world)
    {
        var employer = new Employer("Other Clinic", "hr@other-clinic.example", StateCode.Parse("TN"), Now);
        employer.Approve(null, Now);
        await Fixture.InsertAsync(employer);
        var key = await VerificationWebScenario.SendAsEmployerAsync(Fixture, employer.Id, new CreateApiKey.Command("Other system"));
        return world.KeyClient(Fixture, key.Key);
    }

    /// <summary>A nightly sync: pages of one from the cursor until caught up; the items and the cursor to keep.</summary>
    private static async Task<(List<ChangeRow> Items, string Next)> ReadFeedAsync(HttpClient client, string? cursor)
    {
        var items = new List<ChangeRow>();
        while (true)
        {
            var page = await GetAsync<Page<ChangeRow>>(client, "/api/v1/changes?limit=1" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"));
            Assert.NotNull(page.Next);
            if (page.Items.Count == 0) return (items, page.Next);
            items.AddRange(page.Items);
            cursor = page.Next;
        }
    }

    private async Task ExpireAsync(Guid credentialId)
    {
        await using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateAsyncScope(Fixture.Factory.Services);
        var db = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Registry.Infrastructure.Persistence.RegistryDbContext>(scope.ServiceProvider);
        var credential = await db.Credentials.Include(c => c.History).SingleAsync(c => c.Id == credentialId);
        credential.Expire(credential.ExpiresOn.AddDays(1), Now);
        await db.SaveChangesAsync();
    }

    private Task NotifyAsync() => AsAsync(TestUsers.SystemAdmin(), new NotifyWatchingEmployers.Command());

    private async Task AsAsync<T>(System.Security.Claims.ClaimsPrincipal principal, MediatR.IRequest<T> request)
    {
        using var runAs = CurrentUser.RunAs(principal);
        await using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateAsyncScope(Fixture.Factory.Services);
        await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<MediatR.IMediator>(scope.ServiceProvider).Send(request);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] file, string fileName)
    {
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return await client.PostAsync("/api/v1/roster-verifications", new MultipartFormDataContent { { content, "roster", fileName } });
    }

    /// <summary>Polls until the job has finished (the host's own Hangfire server works the roster queue).</summary>
    private static async Task<JobStatus> WaitForAsync(HttpClient client, Guid id)
    {
        var waiting = Stopwatch.StartNew();
        while (true)
        {
            var status = await GetAsync<JobStatus>(client, $"/api/v1/roster-verifications/{id}");
            if (status.Status is "completed" or "failed") return status;
            Assert.True(waiting.Elapsed < TimeSpan.FromSeconds(60), $"The roster verification is still {status.Status}.");
            await Task.Delay(200);
        }
    }

    private static async Task<T> GetAsync<T>(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>(Json))!;
    }

    private static async Task<T> PostJsonAsync<T>(HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>(Json))!;
    }

    private sealed record Page<T>(List<T> Items, string? Next);

    private sealed record WatchOutcome(int Added, int AlreadyWatched, List<string> NotFound);

    private sealed record WatchedRow(string CredentialNumber, string HolderName, string Status);

    private sealed record ChangeRow(string CredentialNumber, string HolderName, string Change, string Status, DateOnly EffectiveOn, DateTimeOffset NotifiedAt);

    private sealed record Accepted(Guid Id, string Status);

    private sealed record JobStatus(Guid Id, string Status, string FileName, int? Rows, int? Matched, string? Problem, DateTimeOffset SubmittedAt,
        DateTimeOffset? CompletedAt, string? ResultUrl);
}

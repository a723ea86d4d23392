using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Registry.Application.Common.Security;
using Registry.Infrastructure.Persistence;
using Registry.Infrastructure.Persistence.Providers;
using Registry.Testing;

namespace Registry.Web.Tests.Quality;

/// <summary>
/// Contexts come from a pool, each scope renting one. A context handed back while its request still used it could be
/// rented by another request, which then ran (and was audited) through someone else's context: 500s with "Cannot
/// access a disposed context instance" or "A second operation was started on this context". From cold starts, many
/// people read, write and sign in at once; every request must be answered, no context misused, and every audit entry
/// must name the person whose request made the change.
/// </summary>
[Collection(nameof(MachineWideTests))]
public sealed class PooledContextStressTests
{
    private const int Applicants = 8;
    private const int Readers = 16;
    private const int StaffMembers = 2;
    private const int ReadsPerReader = 250;
    private const int UpdatesPerApplicant = 40;

    private static readonly string[] MisuseSigns =
    [
        "disposed context", "second operation", "another read operation is pending", "does not know who is acting",
        "rented", "ObjectDisposedException", "NpgsqlOperationInProgressException",
    ];

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, 3)]
    [InlineData(DatabaseProvider.Postgres, 3)]
    public async Task From_cold_starts_concurrent_reads_writes_and_sign_ins_are_all_answered_and_audited_as_their_own_user(DatabaseProvider provider, int rounds)
    {
        var database = provider == DatabaseProvider.Sqlite ? TestDatabase.Sqlite("pool-stress") : await TestDatabase.FreshPostgresAsync("pool_stress");
        var people = await ArrangeAsync(database);

        for (var round = 1; round <= rounds; round++)
        {
            await using var factory = Host(database);
            var outcome = await LoadAsync(factory, people, round);

            Assert.True(outcome.Failures.IsEmpty, $"Round {round} on {provider}: {outcome.Failures.Count} requests failed:\n" + string.Join("\n", outcome.Failures.Take(10)));
            AssertNoContextMisuse(factory, $"round {round} on {provider}");
            Assert.Equal(Applicants * UpdatesPerApplicant, outcome.Updates.Values.Sum());
        }
        await AssertAuditNamesEachChangesOwnUserAsync(database, people, expectedEntries: rounds * Applicants * UpdatesPerApplicant);
    }

    [Fact]
    public async Task The_same_load_while_the_database_cuts_every_connection_is_answered_and_audited_as_each_requests_own_user()
    {
        var database = await TestDatabase.FreshPostgresAsync("pool_stress_cuts");
        var people = await ArrangeAsync(database);

        for (var round = 1; round <= 2; round++)
        {
            await using var factory = Host(database);
            var load = LoadAsync(factory, people, round);
            // Every connection of the registry's role is cut three times while the load runs.
            for (var cut = 0; cut < 3 && !load.IsCompleted; cut++)
            {
                await Task.Delay(150);
                await TerminateConnectionsAsync(database);
            }
            var outcome = await load;

            Assert.True(outcome.Failures.IsEmpty, $"Round {round} with cuts: {outcome.Failures.Count} requests failed:\n" + string.Join("\n", outcome.Failures.Take(10)));
            AssertNoContextMisuse(factory, $"round {round} with cuts");
        }
        NpgsqlConnection.ClearAllPools();
        await AssertAuditNamesEachChangesOwnUserAsync(database, people, expectedEntries: null);
    }

    private sealed record Person(Guid PersonId, Guid UserId, string Email);

    private sealed record Outcome(ConcurrentQueue<string> Failures, ConcurrentDictionary<Guid, int> Updates);

    private static RegistryFactory Host(TestDatabase database) => new(database, settings: new Dictionary<string, string?>
    {
        ["Jobs:RunServer"] = "false",
        ["RateLimiting:Anonymous:PermitLimit"] = "1000000",
        ["RateLimiting:ApiKey:PermitLimit"] = "1000000",
        ["RateLimiting:SignIn:PermitLimit"] = "1000000", // every simulated person signs in from the one test address
    });

    /// <summary>A state, applicants with profiles, and staff; made through a host that is then stopped, so each round starts cold.</summary>
    private static async Task<IReadOnlyList<Person>> ArrangeAsync(TestDatabase database)
    {
        await using var factory = Host(database);
        var fixture = new WebFixture(factory);
        await fixture.InitializeAsync();
        await fixture.InsertAsync(TestData.State("TN", "Tennessee", "CPRS"), TestData.State("PA", "Pennsylvania", "CPS"));
        var people = new List<Person>();
        for (var i = 0; i < Applicants; i++)
        {
            var person = TestData.Person("Applicant", $"Number{i}");
            await fixture.InsertAsync(person);
            var email = $"applicant{i}@stress.example";
            var user = await fixture.CreateUserAsync(email, Roles.Applicant, personId: person.Id);
            people.Add(new Person(person.Id, user.Id, email));
        }
        for (var i = 0; i < StaffMembers; i++)
            await fixture.CreateUserAsync($"reviewer{i}@stress.example", Roles.Reviewer, state: "TN");
        return people;
    }

    private static async Task<Outcome> LoadAsync(RegistryFactory factory, IReadOnlyList<Person> people, int round)
    {
        _ = factory.Services; // started, and cold: no request has yet rented a context
        var failures = new ConcurrentQueue<string>();
        var updates = new ConcurrentDictionary<Guid, int>();
        HttpClient Client() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        // A request that failed in the host after its answer began reaches the test client as an exception.
        async Task<bool> Expect(Func<Task<HttpResponseMessage>> send, string what)
        {
            try
            {
                var response = await send();
                if (response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.Redirect) return true;
                failures.Enqueue($"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
            catch (HttpRequestException e)
            {
                failures.Enqueue($"{what}: {e}");
            }
            return false;
        }

        async Task Read()
        {
            var client = Client();
            for (var i = 0; i < ReadsPerReader; i++)
                await Expect(() => client.GetAsync("/api/v1/jurisdictions"), "GET /api/v1/jurisdictions");
        }

        async Task Update(Person person)
        {
            var client = Client();
            for (var i = 0; i < UpdatesPerApplicant; i++)
            {
                if (i % 10 == 0)
                {
                    // A fresh sign-in every ten updates: sign-ins read and write the account through the same pool.
                    HttpResponseMessage? token = null;
                    if (!await Expect(async () => token = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = person.Email, password = WebFixture.Password }),
                        "POST /api/v1/auth/token")) return;
                    var accessToken = (await token!.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
                    client.DefaultRequestHeaders.Authorization = new("Bearer", accessToken);
                }
                var change = new { legalFirstName = "Applicant", legalLastName = "Changed", preferredName = $"Round {round} change {i}" };
                if (await Expect(() => client.PutAsJsonAsync("/api/v1/profile", change), "PUT /api/v1/profile"))
                    updates.AddOrUpdate(person.PersonId, 1, (_, n) => n + 1);
                await Expect(() => client.GetAsync("/api/v1/profile"), "GET /api/v1/profile");
            }
        }

        async Task SignInAndReview(int staff)
        {
            for (var i = 0; i < 8; i++)
            {
                var client = Client();
                if (!await Expect(() => WebFixture.SignInThroughFormAsync(client, $"reviewer{staff}@stress.example"), "POST /Account/Login")) continue;
                await Expect(() => client.GetAsync("/Staff"), "GET /Staff");
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Readers).Select(_ => Task.Run(Read))
            .Concat(people.Select(p => Task.Run(() => Update(p))))
            .Concat(Enumerable.Range(0, StaffMembers).Select(s => Task.Run(() => SignInAndReview(s)))));
        return new Outcome(failures, updates);
    }

    internal static void AssertNoContextMisuse(RegistryFactory factory, string when)
    {
        var misuse = factory.Log.Entries.Where(e => MisuseSigns.Any(sign => e.ToString().Contains(sign, StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.True(misuse.Count == 0, $"{when}: {misuse.Count} log entries show a context misused:\n" + string.Join("\n", misuse.Take(3)));
    }

    /// <summary>Every change to a person's profile was audited as that person's own account, never another's.</summary>
    private static async Task AssertAuditNamesEachChangesOwnUserAsync(TestDatabase database, IReadOnlyList<Person> people, int? expectedEntries)
    {
        await using var factory = Host(database);
        var fixture = new WebFixture(factory);
        var audit = await fixture.QueryAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == "Person" && a.Action == "UpdateProfile")
            .Select(a => new { a.EntityId, a.ActorUserId })
            .ToListAsync());
        foreach (var person in people)
        {
            var mine = audit.Where(a => a.EntityId == person.PersonId.ToString()).ToList();
            Assert.All(mine, entry => Assert.Equal(person.UserId, entry.ActorUserId));
            Assert.NotEmpty(mine);
        }
        Assert.Equal(audit.Count, audit.Count(a => people.Any(p => p.PersonId.ToString() == a.EntityId)));
        if (expectedEntries is { } expected) Assert.Equal(expected, audit.Count);
    }

    private static async Task TerminateConnectionsAsync(TestDatabase database)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND usename = current_user",
            connection);
        await command.ExecuteNonQueryAsync();
    }
}

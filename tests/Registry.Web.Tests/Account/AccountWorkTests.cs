using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Registry.Application.Common.Security;
using Registry.Infrastructure.Identity;

namespace Registry.Web.Tests.Account;

/// <summary>
/// Issue #16 item 5, "in the same time": the expensive part of each answer is hashing a password (PBKDF2, a hundred
/// thousand rounds); the database work around it is alike either way and mail goes through the outbox. So the
/// deciding test counts the hashes each request makes through the registry's own hasher, which a loaded machine
/// cannot make flaky; a second compares the time of alternating requests with a generous bound.
/// </summary>
public sealed class AccountWorkTests(WebFixture fixture) : WebTest(fixture)
{
    private const string Known = "peer@test.example";
    private const string Unknown = "nobody@test.example";

    /// <summary>The registry's hasher, counting what it is asked to do.</summary>
    private sealed class CountingHasher(IOptions<PasswordHasherOptions> options) : IPasswordHasher<RegistryUser>
    {
        public static int Hashes;

        private readonly PasswordHasher<RegistryUser> _inner = new(options);

        public string HashPassword(RegistryUser user, string password)
        {
            Interlocked.Increment(ref Hashes);
            return _inner.HashPassword(user, password);
        }

        public PasswordVerificationResult VerifyHashedPassword(RegistryUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref Hashes);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    private static async Task<int> HashesAsync(Func<Task> request)
    {
        var before = Volatile.Read(ref CountingHasher.Hashes);
        await request();
        return Volatile.Read(ref CountingHasher.Hashes) - before;
    }

    [Fact]
    public async Task Every_answer_hashes_a_password_as_often_whether_or_not_the_account_exists()
    {
        await using var counted = Fixture.Factory.WithWebHostBuilder(host => host.ConfigureTestServices(services =>
            services.AddScoped<IPasswordHasher<RegistryUser>, CountingHasher>()));
        HttpClient Client() => counted.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler());
        Task<HttpResponseMessage> Token(string email, string password) => Client().PostAsJsonAsync("/api/v1/auth/token", new { email, password });
        await Fixture.CreateUserAsync(Known, Roles.Applicant, personId: Guid.NewGuid());
        await AccountSteps.RegisterThroughApiAsync(Client(), "dana@test.example"); // unconfirmed
        await HashesAsync(() => Token(Unknown, "Not-The-Password-1")); // the stand-in hash is made once, at the first unknown address

        var unknown = await HashesAsync(() => Token(Unknown, "Not-The-Password-1"));
        Assert.Equal(1, unknown);
        Assert.Equal(unknown, await HashesAsync(() => Token(Known, "Not-The-Password-1")));
        Assert.Equal(unknown, await HashesAsync(() => Token("dana@test.example", WebFixture.Password)));
        Assert.Equal(unknown, await HashesAsync(() => WebFixture.SignInThroughFormAsync(Client(), Unknown, "Not-The-Password-1")));
        Assert.Equal(unknown, await HashesAsync(() => WebFixture.SignInThroughFormAsync(Client(), Known, "Not-The-Password-1")));
        Assert.Equal(unknown, await HashesAsync(() => WebFixture.SignInThroughFormAsync(Client(), Known, "Not-The-Password-1"))); // the third: locked now
        Assert.Equal(unknown, await HashesAsync(() => WebFixture.SignInThroughFormAsync(Client(), Known, WebFixture.Password))); // locked, so refused
        Assert.Equal(unknown, await HashesAsync(() => WebFixture.SignInThroughFormAsync(Client(), "dana@test.example", WebFixture.Password)));

        var free = await HashesAsync(() => AccountSteps.RegisterThroughApiAsync(Client(), "free@test.example"));
        Assert.Equal(1, free);
        Assert.Equal(free, await HashesAsync(() => AccountSteps.RegisterThroughApiAsync(Client(), Known)));
        Assert.Equal(free, await HashesAsync(() => AccountSteps.RegisterThroughPageAsync(Client(), "free2@test.example")));
        Assert.Equal(free, await HashesAsync(() => AccountSteps.RegisterThroughPageAsync(Client(), Known)));
    }

    [Fact]
    public async Task Alternating_requests_for_a_known_and_an_unknown_address_take_about_as_long()
    {
        await Fixture.CreateUserAsync(Known, Roles.Applicant, personId: Guid.NewGuid());
        var client = Fixture.Client();
        var next = 0;
        (string Name, Func<string, Task<HttpResponseMessage>> Ask, string Known)[] endpoints =
        [
            ("token", email => client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = "Not-The-Password-1" }), Known),
            ("register", email => AccountSteps.RegisterThroughApiAsync(client, email == Unknown ? $"new{++next}@test.example" : email), Known),
        ];

        foreach (var (name, ask, known) in endpoints)
        {
            await ask(known);
            await ask(Unknown); // warm both paths
            var (knownTimes, unknownTimes) = (new List<double>(), new List<double>());
            for (var round = 0; round < 15; round++)
            {
                // Alternating, and each round in the other order, so load on the machine falls on both alike.
                var order = round % 2 == 0 ? new[] { (known, knownTimes), (Unknown, unknownTimes) } : new[] { (Unknown, unknownTimes), (known, knownTimes) };
                foreach (var (email, times) in order)
                {
                    var watch = Stopwatch.StartNew();
                    await ask(email);
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }
            }
            var ratio = Median(knownTimes) / Median(unknownTimes);
            Assert.True(ratio is > 0.5 and < 2.0, $"{name}: known {Median(knownTimes):F1} ms, unknown {Median(unknownTimes):F1} ms (median)");
        }
    }

    private static double Median(List<double> times) => times.Order().ElementAt(times.Count / 2);
}

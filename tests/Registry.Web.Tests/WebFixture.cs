using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Registry.Infrastructure.Identity;
using Registry.Infrastructure.Persistence;
using Registry.Testing;
using Registry.Web.Tests.Contract;

namespace Registry.Web.Tests;

/// <summary>The real web host on PostgreSQL, with helpers to sign in the way people and machines do.</summary>
public sealed partial class WebFixture : IAsyncLifetime
{
    public const string Password = "Correct-Horse-Battery-9";

    public WebFixture() => Factory = new(TestDatabase.Postgres(), settings: new Dictionary<string, string?>
    {
        ["Identity:MaxFailedAccessAttempts"] = "3",
        // Many tests verify from the same address; RateLimitTests runs its own host with low limits.
        ["RateLimiting:Anonymous:PermitLimit"] = "100000",
        ["RateLimiting:ApiKey:PermitLimit"] = "100000",
        // Likewise sign-in, registration, account mail and confirmation requests (AddressRateLimitTests has its own hosts).
        ["RateLimiting:SignIn:PermitLimit"] = "100000",
        ["RateLimiting:Registration:PermitLimit"] = "100000",
        ["RateLimiting:AccountMail:PermitLimit"] = "100000",
        ["RateLimiting:ConfirmationRequests:PermitLimit"] = "100000",
        ["RateLimiting:Claims:PermitLimit"] = "100000",
    });

    /// <summary>The same helpers over another host (e.g. on a database of its own).</summary>
    internal WebFixture(RegistryFactory factory) => Factory = factory;

    public RegistryFactory Factory { get; }

    public Task InitializeAsync()
    {
        _ = Factory.Services;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();

    /// <summary>A client whose every /api answer is checked against the served OpenAPI document.</summary>
    public HttpClient Client(bool followRedirects = false)
    {
        DelegatingHandler[] handlers = followRedirects
            ? [new RedirectHandler(), new CookieContainerHandler(), new ContractCheckingHandler(ContractAsync)]
            : [new CookieContainerHandler(), new ContractCheckingHandler(ContractAsync)];
        return Factory.CreateDefaultClient(new Uri("http://localhost"), handlers);
    }

    /// <summary>The host's OpenAPI document, read once.</summary>
    public Task<ApiContract> ContractAsync() => _contract ??= ApiContract.LoadAsync(Factory.CreateClient());

    private Task<ApiContract>? _contract;

    public async Task<RegistryUser> CreateUserAsync(string email, string role, string? state = null, Guid? personId = null, Guid? employerId = null)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<RegistryUser>>();
        var user = new RegistryUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email, StateCode = state, PersonId = personId, EmployerId = employerId };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return user;
    }

    public async Task InsertAsync(params object[] entities)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        db.AddRange(entities);
        await db.SaveChangesAsync();
    }

    public async Task<T> QueryAsync<T>(Func<RegistryDbContext, Task<T>> query)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<RegistryDbContext>());
    }

    /// <summary>A bearer token from the API's sign-in endpoint.</summary>
    public async Task<string> TokenAsync(string email, string password = Password)
    {
        var response = await Client().PostAsJsonAsync("/api/v1/auth/token", new { email, password });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<TokenResponse>();
        return body!.AccessToken;
    }

    public async Task<HttpClient> ApiClientAsync(string email)
    {
        var client = Client();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await TokenAsync(email));
        return client;
    }

    /// <summary>Signs in through the real login form, anti-forgery token and all; the client keeps the cookie.</summary>
    public static async Task<HttpResponseMessage> SignInThroughFormAsync(HttpClient client, string email, string password = Password)
    {
        var form = await client.GetStringAsync("/Account/Login");
        return await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryToken(form),
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
    }

    public static string AntiforgeryToken(string html) => AntiforgeryField().Match(html) is { Success: true } match
        ? match.Groups[1].Value
        : throw new InvalidOperationException("The form carries no anti-forgery token.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    private sealed record TokenResponse(string AccessToken, string TokenType, long ExpiresIn);
}

[CollectionDefinition(nameof(WebCollection))]
public sealed class WebCollection : ICollectionFixture<WebFixture>;

/// <summary>
/// Tests that load the whole machine or its database server (an outage, faults, pool stress, each on a database made for
/// it, whose creation forces a checkpoint) run alone, after the others: beside them a timing comparison such as
/// AccountWorkTests' measured their stalls, not the registry (a known address's registration at 99 ms against an
/// unknown one's 258 ms).
/// </summary>
[CollectionDefinition(nameof(MachineWideTests), DisableParallelization = true)]
public sealed class MachineWideTests;

[Collection(nameof(WebCollection))]
public abstract class WebTest(WebFixture fixture) : IAsyncLifetime
{
    protected WebFixture Fixture { get; } = fixture;

    /// <summary>The host's time: <see cref="TestClock.Start"/> until the test moves the clock.</summary>
    protected DateTimeOffset Now => Fixture.Factory.Clock.GetUtcNow();

    public Task InitializeAsync()
    {
        Fixture.Factory.Clock.Reset();
        return Fixture.Factory.Database.ResetAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

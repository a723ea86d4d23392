using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Registry.Bench.Running;

/// <summary>
/// The registry's real web host (Production settings, no job server) on Kestrel at 127.0.0.1 over the
/// seeded database; benchmarks talk to it over a real socket.
/// </summary>
public sealed class BenchHost : WebApplicationFactory<Program>
{
    private readonly string _connectionString;

    private BenchHost(string connectionString) => _connectionString = connectionString;

    public Uri Address { get; private set; } = null!;

    public static Task<BenchHost> StartAsync(string connectionString)
    {
        // The factory looks for its manifest in the working directory; point it at the web project's folder from the copy in our output.
        var manifest = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "MvcTestingAppManifest.json")))!;
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_REGISTRY_WEB", manifest.First(m => m.Key.StartsWith("Registry.Web,", StringComparison.Ordinal)).Value);
        var host = new BenchHost(connectionString);
        host.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        host.StartServer();
        host.Address = new Uri(host.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        return Task.FromResult(host);
    }

    /// <summary>A client of the socket (not the in-memory test server), optionally with a bearer token.</summary>
    public HttpClient Client(string? bearerToken = null)
    {
        var client = new HttpClient { BaseAddress = Address };
        if (bearerToken is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        return client;
    }

    /// <summary>A bearer token for a generated account (every one uses the generator's password).</summary>
    public async Task<string> TokenAsync(string email)
    {
        using var client = Client();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = Generation.DataGenerator.Password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        return token!.AccessToken;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        // Outside Development the host needs its public address for e-mailed links; the bench sends none.
        builder.UseSetting("Registry:PublicBaseUrl", "http://localhost:5080");
        // Benchmarks call 127.0.0.1, not the public address's host that AllowedHosts would otherwise be limited to.
        builder.UseSetting("AllowedHosts", "127.0.0.1");
        builder.UseSetting("Database:Provider", "Postgres");
        builder.UseSetting("ConnectionStrings:Registry", _connectionString);
        builder.UseSetting("Database:MigrateOnStartup", "false");
        builder.UseSetting("Jobs:RunServer", "false");
        builder.UseSetting("Documents:Root", Path.Combine(Path.GetTempPath(), "registry-bench", "documents"));
        builder.UseSetting("Logging:LogLevel:Default", "Error");
        // Served over plain http on 127.0.0.1: secure-only cookies would make every form refuse the request.
        builder.UseSetting("Security:SecureCookies", "false");
        // Load generators come from one address: lift the verification rate limits so they measure the work, not the limiter's refusals.
        builder.UseSetting("RateLimiting:Anonymous:PermitLimit", "1000000000");
        builder.UseSetting("RateLimiting:ApiKey:PermitLimit", "1000000000");
    }

    private sealed record TokenResponse(string AccessToken);
}

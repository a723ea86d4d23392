using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Registry.Infrastructure.Persistence.Providers;

namespace Registry.Testing;

/// <summary>
/// The registry's real web host on a real database. The database is chosen by changing the
/// connection string (since EF Core 9, swapping DbContextOptions does not change the provider).
/// </summary>
public sealed class RegistryFactory(TestDatabase database, string environment = "Testing", IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    public TestDatabase Database { get; } = database;

    /// <summary>The host's clock: frozen at <see cref="TestClock.Start"/> until a test moves it (e.g. past a link's expiry).</summary>
    public TestClock Clock { get; } = new();

    /// <summary>Counts the SQL commands of requests marked for counting (query discipline tests).</summary>
    public SqlCommandCounter SqlCommands { get; } = new();

    /// <summary>The host's warnings and errors.</summary>
    public LogCapture Log { get; } = new();

    /// <summary>Evidence files go to a temporary folder, never into the source tree.</summary>
    public string DocumentsRoot { get; } = Path.Combine(Path.GetTempPath(), "registry-tests", $"documents-{Guid.NewGuid():N}");

    /// <summary>Serves on a real loopback socket (for the browser), returning the base address.</summary>
    public Uri StartOnLoopback(int port = 0)
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new Uri(address);
    }

    /// <summary>A loopback port free now, for a host whose settings must name its own address before it starts.</summary>
    public static int FreeLoopbackPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Hangfire keeps the logger factory of the last host that configured it in a static; once that host is
    /// disposed, any later Hangfire object in the test process (a client, a server, a storage) would log through a
    /// disposed factory and throw. A stopped host leaves Hangfire a logger that drops everything instead.
    /// </summary>
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Hangfire.Logging.LogProvider.SetCurrentLogProvider(new SilentHangfireLog());
    }

    private sealed class SilentHangfireLog : Hangfire.Logging.ILogProvider, Hangfire.Logging.ILog
    {
        public Hangfire.Logging.ILog GetLogger(string name) => this;

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }

    private void CountCommands(IServiceProvider services, DbContextOptionsBuilder options)
    {
        SqlCommands.Requests ??= services.GetRequiredService<IHttpContextAccessor>();
        options.AddInterceptors(SqlCommands);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("Database:Provider", Database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Registry", Database.ConnectionString);
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("Documents:Root", DocumentsRoot);
        // Test clients speak plain http, which would never send a Secure cookie back; SecurityTests check the real flags.
        builder.UseSetting("Security:SecureCookies", "false");
        // Outside Development the host needs its public address (PublicBaseUrl); links read in tests keep only their path.
        // Test clients call it localhost (the test server), 127.0.0.1 (a loopback socket) or, over https, registry.example.
        builder.UseSetting("Registry:PublicBaseUrl", "http://localhost:5080");
        builder.UseSetting("AllowedHosts", "localhost;127.0.0.1;registry.example");
        // The host's job server runs (health, dashboard, activator) but works a queue nothing is put on: the recurring
        // jobs fire on the real clock's schedule and would run in the middle of tests (and deadlock with Respawn's
        // truncation between them). Tests run jobs themselves, or start servers of their own (JobServerTests).
        builder.UseSetting("Jobs:Queues:0", "registry-tests-idle");
        // It also works the roster verifications' queue (every server does); a test waits for them, so poll often.
        builder.UseSetting("Jobs:QueuePollInterval", "00:00:01");
        builder.ConfigureLogging(logging => logging.AddProvider(Log));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            // The registry's contexts are pooled: their options, and so this addition to them, are singletons.
            services.ConfigureDbContext<SqliteRegistryDbContext>(CountCommands, ServiceLifetime.Singleton);
            services.ConfigureDbContext<PostgresRegistryDbContext>(CountCommands, ServiceLifetime.Singleton);
            services.ConfigureDbContext<SqlServerRegistryDbContext>(CountCommands, ServiceLifetime.Singleton);
        });
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            builder.UseSetting(key, value);
    }
}

using System.Net;
using Microsoft.Extensions.Logging.Console;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Registry.Infrastructure.Telemetry;

namespace Registry.Web.Infrastructure;

/// <summary>
/// OpenTelemetry for operators. Metrics: ASP.NET Core's request durations (by route template), HttpClient's, the
/// runtime's, Npgsql's database command durations and connection pool, EF Core's counters and the registry's own
/// (<see cref="RegistryMetrics"/>), served for Prometheus at <see cref="MetricsPath"/> to the addresses in
/// <c>Metrics:AllowedAddresses</c> (addresses or CIDR ranges; loopback only when unset), a 404 to anyone else.
/// Traces: ASP.NET Core, HttpClient and background-job spans, exported nowhere; their ids go into
/// the logs, which are JSON outside Development (<see cref="JsonLogFormatter"/>) unless
/// <c>Logging:Console:FormatterName</c> names another formatter.
/// </summary>
public static class Telemetry
{
    public const string MetricsPath = "/metrics";

    public static IServiceCollection AddRegistryTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(MetricsReaders.Read(configuration));
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("registry"))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter("Microsoft.EntityFrameworkCore", RegistryMetrics.Name)
                .AddPrometheusExporter())
            // No span is exported: the request's and the jobs' spans are kept for the trace ids in the logs. EF Core's and
            // Npgsql's spans (one per command, each with its SQL sanitised) cost 3-5% of a verification's CPU for nothing.
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddSource(RegistryMetrics.Name));

        services.AddLogging(logging => logging.AddConsoleFormatter<JsonLogFormatter, ConsoleFormatterOptions>());
        if (string.IsNullOrEmpty(configuration["Logging:Console:FormatterName"]))
            services.AddOptions<ConsoleLoggerOptions>().Configure<IHostEnvironment>((console, environment) =>
            {
                if (!environment.IsDevelopment()) console.FormatterName = JsonLogFormatter.FormatterName;
            });
        return services;
    }

    /// <summary>
    /// Serves <see cref="MetricsPath"/> to allowed addresses; for anyone else the request goes on to the 404 page, as
    /// for any unknown path. After the forwarded headers, so behind the proxy the caller's own address is checked.
    /// </summary>
    public static IApplicationBuilder UseMetricsEndpoint(this IApplicationBuilder app)
    {
        // The registry's instruments exist from the start (the backlog gauge shows before any job runs).
        app.ApplicationServices.GetRequiredService<RegistryMetrics>();
        app.ApplicationServices.GetRequiredService<OutboxBacklog>();
        var readers = app.ApplicationServices.GetRequiredService<MetricsReaders>();
        return app.UseOpenTelemetryPrometheusScrapingEndpoint(context =>
            context.Request.Path.Equals(MetricsPath, StringComparison.OrdinalIgnoreCase) && readers.Admit(context.Connection.RemoteIpAddress));
    }

    /// <summary>Who may read the metrics: <c>Metrics:AllowedAddresses</c>, addresses or CIDR ranges; loopback when unset.</summary>
    public sealed class MetricsReaders(IReadOnlyList<System.Net.IPNetwork> networks)
    {
        private static readonly System.Net.IPNetwork[] Loopback = [new(IPAddress.Parse("127.0.0.0"), 8), new(IPAddress.IPv6Loopback, 128)];

        public static MetricsReaders Read(IConfiguration configuration)
        {
            var entries = (configuration.GetSection("Metrics:AllowedAddresses").Get<string[]>() ?? [])
                .Select(e => e.Trim()).Where(e => e.Length > 0).ToList();
            if (entries.Count == 0) return new MetricsReaders(Loopback);
            return new MetricsReaders([.. entries.Select(entry =>
                IPAddress.TryParse(entry, out var address) ? new System.Net.IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128)
                : System.Net.IPNetwork.TryParse(entry, out var network) ? network
                : throw new InvalidOperationException($"Metrics:AllowedAddresses holds '{entry}', which is neither an IP address nor an address range such as 10.0.0.0/8."))]);
        }

        public bool Admit(IPAddress? caller)
        {
            if (caller is null) return false;
            if (caller.IsIPv4MappedToIPv6) caller = caller.MapToIPv4();
            return networks.Any(network => network.Contains(caller));
        }
    }
}

using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Registry.Web.Infrastructure;

/// <summary>
/// A state runs the registry behind its load balancer or reverse proxy, which ends TLS. The proxy's
/// X-Forwarded-For and X-Forwarded-Proto are believed only from the proxies configured in
/// <c>ReverseProxy:KnownProxies</c> (addresses) and <c>ReverseProxy:KnownNetworks</c> (CIDR ranges): not from
/// loopback unless it is named there, and from no one when neither is set. Then each caller's own address counts
/// for the rate limits, and a request that reached the proxy over https is https here (secure cookies,
/// anti-forgery, HSTS).
/// </summary>
public static class ReverseProxy
{
    public static IServiceCollection AddReverseProxySupport(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = new List<IPAddress>();
        foreach (var text in Values(configuration, "ReverseProxy:KnownProxies"))
            proxies.Add(IPAddress.TryParse(text, out var address) ? address
                : throw new InvalidOperationException($"ReverseProxy:KnownProxies holds '{text}', which is not an IP address."));
        var networks = new List<System.Net.IPNetwork>();
        foreach (var text in Values(configuration, "ReverseProxy:KnownNetworks"))
            networks.Add(System.Net.IPNetwork.TryParse(text, out var network) ? network
                : throw new InvalidOperationException($"ReverseProxy:KnownNetworks holds '{text}', which is not an address range such as 10.0.0.0/8."));

        return services.Configure<ForwardedHeadersOptions>(options =>
        {
            // The framework believes loopback by default, and anyone at all when both lists are empty: so no proxy, no headers.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            options.ForwardedHeaders = proxies.Count + networks.Count == 0 ? ForwardedHeaders.None : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in proxies) options.KnownProxies.Add(proxy);
            foreach (var network in networks) options.KnownIPNetworks.Add(network);
        });
    }

    private static IEnumerable<string> Values(IConfiguration configuration, string key) =>
        (configuration.GetSection(key).Get<string[]>() ?? []).Select(v => v.Trim()).Where(v => v.Length > 0);
}

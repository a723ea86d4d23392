using System.Net;

namespace Registry.Web.Infrastructure;

/// <summary>
/// <c>Registry:PublicBaseUrl</c> is where every e-mailed link points (reset, confirmation, invitation, supervisor and
/// referee links, through <see cref="Application.Common.Messages.MessageLinks"/>), never the request's Host header, which a
/// caller could forge to send someone a link to another site. Outside Development the registry does not start without
/// it: an absolute https address (http only for localhost). Unless <c>AllowedHosts</c> is set, only its host is served.
/// </summary>
public static class PublicBaseUrl
{
    public const string Setting = "Registry:PublicBaseUrl";

    /// <summary>Development's address (the README's run command), when the setting is left out there.</summary>
    public const string DevelopmentDefault = "http://localhost:5080";

    public static WebApplicationBuilder RequirePublicBaseUrl(this WebApplicationBuilder builder)
    {
        var configured = builder.Configuration[Setting];
        var development = builder.Environment.IsDevelopment();
        if (string.IsNullOrWhiteSpace(configured))
        {
            if (development) return builder;
            throw new InvalidOperationException($"Set {Setting} to the registry's public address, e.g. https://registry.example.gov: " +
                "every e-mailed link is built from it. It is required outside Development.");
        }
        var address = Parse(configured);
        if (!development && string.IsNullOrWhiteSpace(builder.Configuration["AllowedHosts"]))
            builder.Configuration.AddInMemoryCollection([new("AllowedHosts", address.IdnHost)]);
        return builder;
    }

    /// <summary>The setting as an address, or a start refused with what is wrong with it.</summary>
    public static Uri Parse(string configured)
    {
        if (!Uri.TryCreate(configured.Trim(), UriKind.Absolute, out var address) || address.Scheme is not ("https" or "http"))
            throw new InvalidOperationException($"{Setting} holds '{configured}', which is not an absolute https address such as https://registry.example.gov.");
        if (address.Scheme == "http" && !IsLocal(address))
            throw new InvalidOperationException($"{Setting} holds '{configured}': links in e-mail must use https (plain http only for localhost).");
        if (address.Query.Length > 0 || address.Fragment.Length > 0 || address.UserInfo.Length > 0)
            throw new InvalidOperationException($"{Setting} holds '{configured}': give the site's address alone, without a query, a fragment or a user name.");
        return address;
    }

    private static bool IsLocal(Uri address) =>
        address.IsLoopback || (IPAddress.TryParse(address.IdnHost.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}

using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Registry.Web.Infrastructure;

/// <summary>
/// Response headers every answer carries (content security policy, no sniffing, same-origin referrers,
/// no framing) and the flags of the registry's cookies.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Scripts, styles, fonts and images only from the registry itself (USWDS is served from wwwroot/lib);
    /// USWDS's stylesheet draws icons from data: URIs. No inline script, no framing, forms post only here.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Hangfire's dashboard (SystemAdmin only) is third-party markup with inline script and style; it alone gets them.</summary>
    private const string DashboardPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/jobs") ? DashboardPolicy : ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                // Confirmation and reset links carry tokens in their query strings: never hand them to another site.
                headers["Referrer-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            await next();
        });

    /// <summary>
    /// Sign-in, anti-forgery and TempData cookies are HttpOnly and SameSite, and Secure unless
    /// <c>Security:SecureCookies</c> is false (its default outside Development is true).
    /// </summary>
    public static IServiceCollection AddCookieFlags(this IServiceCollection services)
    {
        static CookieSecurePolicy Policy(IConfiguration configuration, IHostEnvironment environment) =>
            (bool.TryParse(configuration["Security:SecureCookies"], out var secure) ? secure : !environment.IsDevelopment())
                ? CookieSecurePolicy.Always
                : CookieSecurePolicy.SameAsRequest;

        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .PostConfigure<IConfiguration, IHostEnvironment>((o, c, e) => o.Cookie.SecurePolicy = Policy(c, e));
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ExternalScheme)
            .PostConfigure<IConfiguration, IHostEnvironment>((o, c, e) => o.Cookie.SecurePolicy = Policy(c, e));
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme)
            .PostConfigure<IConfiguration, IHostEnvironment>((o, c, e) => o.Cookie.SecurePolicy = Policy(c, e));
        services.AddOptions<AntiforgeryOptions>().PostConfigure<IConfiguration, IHostEnvironment>((o, c, e) =>
        {
            o.Cookie.SecurePolicy = Policy(c, e);
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddOptions<CookieTempDataProviderOptions>().PostConfigure<IConfiguration, IHostEnvironment>((o, c, e) =>
        {
            o.Cookie.SecurePolicy = Policy(c, e);
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
        });
        return services;
    }
}

using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Registry.Infrastructure.Identity;

namespace Registry.Web.Infrastructure;

/// <summary>
/// A sign-in lasts only while the account keeps the security stamp it was made with. Disabling the account,
/// resetting its password and signing out each give it a new stamp, so every cookie and bearer token of that
/// person stops at its next request: each authenticated request reads the account's stamp (one lookup by primary
/// key, see <see cref="SecurityStamps"/>). Besides, a cookie ends <c>Identity:AbsoluteSessionHours</c> (12) after
/// the sign-in however active its browser, and a bearer token <c>Identity:BearerTokenMinutes</c> (15) after it
/// was issued.
/// </summary>
public static class SignInSessions
{
    /// <summary>The cookie's sign-in instant, kept in its properties, which renewals carry over unchanged.</summary>
    private const string SignedInAtItem = ".registry.signedInAt";

    private const string BearerPrefix = "Bearer ";

    public static IServiceCollection AddSignInSessions(this IServiceCollection services, IConfiguration configuration)
    {
        var absoluteLifetime = TimeSpan.FromHours(configuration.GetValue("Identity:AbsoluteSessionHours", 12.0));
        var tokenLifetime = TimeSpan.FromMinutes(configuration.GetValue("Identity:BearerTokenMinutes", 15.0));
        services.Configure<BearerTokenOptions>(IdentityConstants.BearerScheme, bearer =>
        {
            bearer.BearerTokenExpiration = tokenLifetime;
            bearer.Events.OnMessageReceived = RefuseEndedTokenAsync;
        });
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Events.OnSigningIn = context =>
            {
                context.Properties.Items.TryAdd(SignedInAtItem, Now(context.HttpContext).ToString("O", CultureInfo.InvariantCulture));
                return Task.CompletedTask;
            };
            cookie.Events.OnValidatePrincipal = async context =>
            {
                if (SignedInWithin(context.Properties, Now(context.HttpContext), absoluteLifetime) && await IsCurrentAsync(context.HttpContext, context.Principal))
                {
                    // Identity's own validator then refreshes the cookie's claims at its interval (30 minutes).
                    await SecurityStampValidator.ValidatePrincipalAsync(context);
                    return;
                }
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            };
        });
        return services;
    }

    /// <summary>
    /// A broken or expired token is left to the bearer handler, which refuses it; a whole one must still carry the
    /// account's current stamp.
    /// </summary>
    private static async Task RefuseEndedTokenAsync(MessageReceivedContext context)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        if (!authorization.StartsWith(BearerPrefix, StringComparison.Ordinal)) return;
        var ticket = context.Options.BearerTokenProtector.Unprotect(authorization[BearerPrefix.Length..]);
        if (ticket?.Properties.ExpiresUtc is not { } expires || expires <= Now(context.HttpContext)) return;
        if (!await IsCurrentAsync(context.HttpContext, ticket.Principal))
            context.Fail("This sign-in has ended: the account was disabled, its password changed, or its holder signed out.");
    }

    /// <summary>A cookie made before this rule carries no sign-in instant and is refused once.</summary>
    private static bool SignedInWithin(AuthenticationProperties properties, DateTimeOffset now, TimeSpan lifetime) =>
        properties.Items.TryGetValue(SignedInAtItem, out var value)
        && DateTimeOffset.TryParseExact(value, "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out var signedInAt)
        && now - signedInAt < lifetime;

    private static async Task<bool> IsCurrentAsync(HttpContext http, ClaimsPrincipal? principal)
    {
        var claims = http.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        if (principal?.FindFirstValue(claims.SecurityStampClaimType) is not { } stamp
            || !Guid.TryParse(principal.FindFirstValue(claims.UserIdClaimType), out var userId)) return false;
        return await http.RequestServices.GetRequiredService<SecurityStamps>().CurrentAsync(userId, http.RequestAborted) == stamp;
    }

    private static DateTimeOffset Now(HttpContext http) => http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
}

using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Registry.Web.Infrastructure;

/// <summary>
/// Anti-automation: what signs in, creates accounts or sends e-mail is limited per client address (the proxy's
/// X-Forwarded-For where <see cref="ReverseProxy"/> believes it), in fixed windows (<see cref="RateLimitWindows"/>),
/// counted in Redis for every server when <c>Redis:Configuration</c> is set. Only posts count: reading a form is free.
/// Each limit is <c>RateLimiting:{Name}:PermitLimit</c> requests in <c>RateLimiting:{Name}:WindowSeconds</c>. The pages
/// are named here, in one place, so the pages themselves stay as they are; the API endpoints say
/// <see cref="LimitedPerAddress"/>.
/// </summary>
public static class AddressRateLimits
{
    public const string SignIn = "sign-in";
    public const string Registration = "registration";
    public const string AccountMail = "account-mail";
    public const string ConfirmationRequests = "confirmation-requests";
    public const string Claims = "claims";

    private sealed record Limit(string Policy, string Name, int Permits, int WindowSeconds);

    private static readonly Limit[] Limits =
    [
        new(SignIn, "SignIn", 20, 600),
        new(Registration, "Registration", 10, 3600),
        new(AccountMail, "AccountMail", 10, 3600),
        new(ConfirmationRequests, "ConfirmationRequests", 20, 3600),
        new(Claims, "Claims", 10, 3600),
    ];

    /// <summary>The pages each limit counts; where a handler is named, only that handler's posts count.</summary>
    private static readonly (string Page, string Policy, string? Handler)[] Pages =
    [
        ("/Account/Login", SignIn, null),
        ("/Account/Register", Registration, null),
        ("/Employers/Register", Registration, null),
        ("/Account/ForgotPassword", AccountMail, null),
        ("/Account/ResendConfirmation", AccountMail, null),
        ("/Account/Claim", Claims, null),
        ("/Account/ClaimWithCode", Claims, null),
        ("/Applications/Records/Supervision", ConfirmationRequests, "RequestConfirmation"),
        ("/Applications/Records/References", ConfirmationRequests, "RequestConfirmation"),
    ];

    /// <summary>On a page of several handlers, the one whose posts a limit counts.</summary>
    public sealed record CountedHandler(string Name);

    public static IServiceCollection AddAddressRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RazorPagesOptions>(options =>
        {
            foreach (var (page, policy, handler) in Pages)
                options.Conventions.AddPageApplicationModelConvention(page, model =>
                {
                    model.EndpointMetadata.Add(new EnableRateLimitingAttribute(policy));
                    if (handler is not null) model.EndpointMetadata.Add(new CountedHandler(handler));
                });
        });
        return services.AddRateLimiter(options =>
        {
            foreach (var limit in Limits)
            {
                var permits = Math.Max(1, configuration.GetValue($"RateLimiting:{limit.Name}:PermitLimit", limit.Permits));
                var window = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue($"RateLimiting:{limit.Name}:WindowSeconds", limit.WindowSeconds)));
                options.AddPolicy(limit.Policy, context =>
                {
                    if (!Counts(context)) return RateLimitPartition.GetNoLimiter("");
                    var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                    var caller = new RateLimitWindows.Caller($"{limit.Policy}:ip:{address}", limit.Policy, permits, window);
                    context.Features.Set(caller);
                    var windows = context.RequestServices.GetRequiredService<RateLimitWindows>();
                    return RateLimitPartition.Get(caller.Key, _ => windows.Open(caller));
                });
            }
        });
    }

    /// <summary>An API endpoint limited per address; its OpenAPI description says it may answer 429.</summary>
    public static RouteHandlerBuilder LimitedPerAddress(this RouteHandlerBuilder endpoint, string policy) =>
        endpoint.RequireRateLimiting(policy).ProducesProblem(StatusCodes.Status429TooManyRequests);

    /// <summary>Posts count; on a page with a <see cref="CountedHandler"/>, only posts to that handler (named as Razor Pages reads it: route, then query).</summary>
    private static bool Counts(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method)) return false;
        if (context.GetEndpoint()?.Metadata.GetMetadata<CountedHandler>() is not { } counted) return true;
        var handler = context.Request.RouteValues["handler"]?.ToString() is { Length: > 0 } routed ? routed : context.Request.Query["handler"].FirstOrDefault();
        return string.Equals(handler, counted.Name, StringComparison.OrdinalIgnoreCase);
    }
}

using System.Threading.RateLimiting;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.RateLimiting;
using Registry.Application.Common.Security;
using Registry.Application.Features.Employers;

namespace Registry.Web.Infrastructure;

/// <summary>
/// Verification is rate-limited: anonymous callers per client address, API-key callers per key and signed-in users
/// of an approved employer per organisation, both with the higher employer limit (fixed windows, <see cref="RateLimitWindows"/>).
/// Every answer says the caller's quota and what is left in the RateLimit-Policy and RateLimit headers; past the limit
/// the answer is 429 with Retry-After (<see cref="RateLimitRefusals"/>). Limits come
/// from configuration (<c>RateLimiting:Anonymous:PermitLimit</c>, <c>RateLimiting:ApiKey:PermitLimit</c> for employers,
/// <c>RateLimiting:WindowSeconds</c>), counted by each server alone or, with <c>Redis:Configuration</c>, in Redis for all.
/// </summary>
public static class VerificationRateLimits
{
    public const string Policy = "verification";

    /// <summary>A signed-in user of an approved employer, found before the limiter so it counts them against their organisation.</summary>
    public sealed record EmployerUser(Guid EmployerId);

    public sealed record Limits(int AnonymousPermits, int ApiKeyPermits, TimeSpan Window)
    {
        public static Limits Read(IConfiguration configuration) => new(
            Math.Max(1, configuration.GetValue("RateLimiting:Anonymous:PermitLimit", 60)),
            Math.Max(1, configuration.GetValue("RateLimiting:ApiKey:PermitLimit", 1200)),
            TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("RateLimiting:WindowSeconds", 60))));
    }

    public static IServiceCollection AddVerificationRateLimits(this IServiceCollection services) =>
        services.AddRateLimiter(options =>
        {
            options.AddPolicy(Policy, context =>
            {
                var limits = context.RequestServices.GetRequiredService<Limits>();
                var windows = context.RequestServices.GetRequiredService<RateLimitWindows>();
                var keyId = context.User.FindFirst(ApiKeyAuthenticationHandler.KeyIdClaim)?.Value;
                var employer = context.Features.Get<EmployerUser>();
                var caller = keyId is not null
                    ? new RateLimitWindows.Caller("key:" + keyId, "api-key", limits.ApiKeyPermits, limits.Window)
                    : employer is not null
                        ? new RateLimitWindows.Caller("employer:" + employer.EmployerId, "employer", limits.ApiKeyPermits, limits.Window)
                        : new RateLimitWindows.Caller("ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"), "anonymous", limits.AnonymousPermits, limits.Window);
                context.Features.Set(caller);
                return RateLimitPartition.Get(caller.Key, _ => windows.Open(caller));
            });
            options.OnRejected = RateLimitRefusals.OnRejectedAsync;
        });

    /// <summary>With <c>Redis:Configuration</c> set, the windows are counted in Redis for every server; a malformed setting stops the start.</summary>
    public static IServiceCollection AddSharedRateLimitCounts(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration[RedisRateLimitCounts.Setting] is not { Length: > 0 } redis) return services;
        var options = StackExchange.Redis.ConfigurationOptions.Parse(redis);
        return services.AddSingleton(sp => new RedisRateLimitCounts(options, sp.GetRequiredService<ILogger<RedisRateLimitCounts>>()));
    }

    /// <summary>Before the limiter: the caller's RateLimit headers go on every answer it counted or refused, errors included.</summary>
    public static IApplicationBuilder UseRateLimitHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            if (context.Features.Get<RateLimitWindows.Caller>() is { } caller)
                context.RequestServices.GetRequiredService<RateLimitWindows>().WriteHeaders(caller, context.Response.Headers);
            return Task.CompletedTask;
        });
        return next(context);
    });

    /// <summary>
    /// On verification routes, a presented API key is checked before the limiter runs, so the limiter can
    /// count the request against its key; a bad key is refused later, at the endpoint, with 401.
    /// </summary>
    public static IApplicationBuilder UseApiKeyIdentity(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (ApiKeyAuthenticationHandler.Presents(context.Request) && context.Request.Path.StartsWithSegments("/api/v1/verifications"))
        {
            var result = await context.AuthenticateAsync(ApiKeyAuthenticationHandler.SchemeName);
            if (result.Succeeded) context.User = result.Principal;
        }
        await next(context);
    });

    /// <summary>
    /// On rate-limited pages, a user signed in for an approved employer is found before the limiter runs, so the
    /// limiter counts their requests against their organisation's higher limit, as it does an API key's.
    /// </summary>
    public static IApplicationBuilder UseEmployerUserIdentity(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == Policy
            && context.User.IsInRole(Roles.Employer) && context.User.HasClaim(c => c.Type == RegistryClaims.Employer)
            && await context.RequestServices.GetRequiredService<IMediator>().Send(new FindApprovedEmployer.Query(), context.RequestAborted) is { } employerId)
            context.Features.Set(new EmployerUser(employerId));
        await next(context);
    });
}

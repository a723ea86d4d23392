using System.Security.Claims;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Registry.Web.Infrastructure;

/// <summary>
/// <c>Idempotency-Key</c> on the API's POSTs: a retried request (same caller, key, method, path and body, within 24 hours)
/// gets the first answer again, marked <c>Idempotent-Replayed: true</c>, and the work is not done twice. The keys and
/// answers live in the database (<see cref="Registry.Infrastructure.Idempotency.IdempotencyStore"/>), so every web
/// server sees them. Requests without the header are untouched.
/// </summary>
public static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    /// <summary>
    /// POSTs whose answers are never kept, so the header is ignored there. Signing in answers with a bearer token;
    /// registering and resetting a password carry a password in the body, and even a hash of such a body would let
    /// someone holding the table test guesses at it. Bulk verification changes nothing, and a replay would show a
    /// credential's status as it was when first asked, not as it is.
    /// </summary>
    private static readonly HashSet<string> NotKept = new(StringComparer.OrdinalIgnoreCase)
    {
        "/api/v1/auth/token", "/api/v1/account/register", "/api/v1/account/reset-password", "/api/v1/verifications/bulk",
        // A batch's voucher codes are shown once and kept nowhere; a code typed to pay a fee is a secret like a password.
        "/api/v1/states/{state}/funds/{fundId:guid}/voucher-batches", "/api/v1/fees/{id:guid}/voucher",
    };

    /// <summary>Takes the header on every POST of the group except those in <see cref="NotKept"/>.</summary>
    public static TBuilder WithIdempotencyKeys<TBuilder>(this TBuilder group) where TBuilder : IEndpointConventionBuilder
    {
        group.Add(endpoint =>
        {
            if (endpoint is RouteEndpointBuilder route
                && endpoint.Metadata.OfType<HttpMethodMetadata>().Any(m => m.HttpMethods.Contains(HttpMethods.Post))
                && !NotKept.Contains(Route(route.RoutePattern)))
                endpoint.Metadata.Add(new TakesIdempotencyKeys());
        });
        return group;
    }

    /// <summary>
    /// Runs keyed requests to those endpoints through <see cref="IdempotencyMiddleware"/>. Failures are turned into their
    /// problem details inside it (the API's exception handler again), so a 4xx answer can be kept like any other.
    /// </summary>
    public static IApplicationBuilder UseIdempotencyKeys(this IApplicationBuilder app) =>
        app.UseWhen(
            context => context.Request.Headers.ContainsKey(Header) && context.GetEndpoint()?.Metadata.GetMetadata<TakesIdempotencyKeys>() is not null,
            keyed => keyed.UseMiddleware<IdempotencyMiddleware>().UseExceptionHandler());

    /// <summary>Whose keys these are: the employer API key's, the signed-in user's, or everyone anonymous together.</summary>
    public static string CallerOf(ClaimsPrincipal user) =>
        user.FindFirstValue(ApiKeyAuthenticationHandler.KeyIdClaim) is { } apiKey ? $"api-key:{apiKey}"
        : user.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId ? $"user:{userId}"
        : "anonymous";

    /// <summary>The key, if the request sends exactly one of 1 to 255 printable ASCII characters.</summary>
    public static string? KeyOf(HttpRequest request) =>
        request.Headers[Header] is [{ Length: > 0 and <= Registry.Infrastructure.Idempotency.IdempotencyStore.MaximumKeyLength } key]
        && key.All(c => c is >= ' ' and <= '~')
            ? key
            : null;

    private static string Route(RoutePattern pattern) => "/" + (pattern.RawText ?? "").Trim('/');

    /// <summary>Endpoint metadata: this POST takes Idempotency-Key.</summary>
    public sealed class TakesIdempotencyKeys;
}

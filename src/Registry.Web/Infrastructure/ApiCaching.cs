using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Registry.Web.Infrastructure;

/// <summary>
/// What caches may do with API answers. By default nothing: <c>Cache-Control: no-store</c> on every answer, since
/// most carry a token's owner's data or personal details. A public answer opts in with <see cref="WithEntityTag"/>.
/// </summary>
public static class ApiCaching
{
    public const string NoStore = "no-store";
    public const string Revalidate = "no-cache";

    /// <summary>Says <c>no-store</c> on any answer whose endpoint (or error handler) said nothing else.</summary>
    public static IApplicationBuilder UseNoStoreByDefault(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            if (!context.Response.Headers.ContainsKey(HeaderNames.CacheControl)) context.Response.Headers.CacheControl = NoStore;
            return Task.CompletedTask;
        });
        return next(context);
    });

    /// <summary>
    /// A public answer caches may keep but must revalidate (<c>no-cache</c>), with a strong ETag: a hash of the answer as
    /// JSON, so it changes whenever anything in the answer does, its last-update time included. A request whose
    /// If-None-Match names the current tag (or *) gets 304 with no body.
    /// </summary>
    public static RouteHandlerBuilder WithEntityTag(this RouteHandlerBuilder endpoint) => endpoint
        .AddEndpointFilter(async (context, next) =>
        {
            var answer = await next(context);
            if (answer is null or IResult) return answer;

            var http = context.HttpContext;
            var json = http.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
            var tag = TagOf(JsonSerializer.SerializeToUtf8Bytes(answer, answer.GetType(), json));
            var headers = http.Response.GetTypedHeaders();
            headers.ETag = tag;
            http.Response.Headers.CacheControl = Revalidate;
            var asked = http.Request.GetTypedHeaders().IfNoneMatch;
            return asked.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(tag, useStrongComparison: false))
                ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
                : answer;
        })
        .Produces(StatusCodes.Status304NotModified);

    private static EntityTagHeaderValue TagOf(byte[] answer) => new($"\"{Convert.ToHexStringLower(SHA256.HashData(answer).AsSpan(0, 16))}\"");
}

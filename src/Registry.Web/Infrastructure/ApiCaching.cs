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
    /// A public answer caches may keep but must revalidate (<c>no-cache</c>), with a strong ETag: the answer's own
    /// <paramref name="tagOf"/> where it has one, else a hash of the answer as JSON; either changes whenever anything in
    /// the answer does, its last-update time included. A request whose If-None-Match names the current tag (or *) gets
    /// 304 with no body; with <paramref name="currentTag"/> (the tag as it is now, asked more cheaply than the answer;
    /// null where it cannot tell) that 304 comes without building the answer at all.
    /// </summary>
    public static RouteHandlerBuilder WithEntityTag<TAnswer>(this RouteHandlerBuilder endpoint,
        Func<TAnswer, string?>? tagOf = null, Func<EndpointFilterInvocationContext, Task<string?>>? currentTag = null) => endpoint
        .AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var asked = http.Request.GetTypedHeaders().IfNoneMatch;
            if (currentTag is not null && asked.Count > 0 && await currentTag(context) is { } current && Names(asked, Quoted(current)))
                return NotModified(http, Quoted(current));

            var answer = await next(context);
            if (answer is null or IResult) return answer;
            var tag = answer is TAnswer typed && tagOf?.Invoke(typed) is { } own ? Quoted(own) : TagOf(http, answer);
            if (Names(asked, tag)) return NotModified(http, tag);
            Label(http, tag);
            return answer;
        })
        .Produces(StatusCodes.Status304NotModified);

    private static bool Names(IList<EntityTagHeaderValue> asked, EntityTagHeaderValue tag) =>
        asked.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(tag, useStrongComparison: false));

    private static IResult NotModified(HttpContext http, EntityTagHeaderValue tag)
    {
        Label(http, tag);
        return TypedResults.StatusCode(StatusCodes.Status304NotModified);
    }

    private static void Label(HttpContext http, EntityTagHeaderValue tag)
    {
        http.Response.GetTypedHeaders().ETag = tag;
        http.Response.Headers.CacheControl = Revalidate;
    }

    private static EntityTagHeaderValue Quoted(string tag) => new($"\"{tag}\"");

    private static EntityTagHeaderValue TagOf(HttpContext http, object answer)
    {
        var json = http.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        return TagOf(JsonSerializer.SerializeToUtf8Bytes(answer, answer.GetType(), json));
    }

    private static EntityTagHeaderValue TagOf(byte[] answer) => new($"\"{Convert.ToHexStringLower(SHA256.HashData(answer).AsSpan(0, 16))}\"");
}

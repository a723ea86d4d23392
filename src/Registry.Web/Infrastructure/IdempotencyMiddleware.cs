using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Registry.Infrastructure.Idempotency;

namespace Registry.Web.Infrastructure;

/// <summary>
/// One keyed POST (see <see cref="IdempotencyKeys"/>): the first request with a key does the work and its answer is kept;
/// a retry gets that answer again; the key with another request is 422; the key while the first is still running is 409.
/// Answers of 500 and above are not kept, so the key can be tried again.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next, IServiceScopeFactory scopes, IProblemDetailsService problems)
{
    /// <summary>Larger answers go to the client without being kept (the API's POSTs answer in a few hundred bytes).</summary>
    private const int MaximumKeptAnswer = 1024 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        if (IdempotencyKeys.KeyOf(context.Request) is not { } key)
        {
            await WriteProblemAsync(context, new HttpValidationProblemDetails(new Dictionary<string, string[]>
            {
                [IdempotencyKeys.Header] = ["Send one Idempotency-Key of 1 to 255 printable ASCII characters, such as a new UUID for each operation."],
            })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The Idempotency-Key header is not valid.",
            });
            return;
        }
        var requestHash = await HashAsync(context.Request, context.RequestAborted);
        var caller = IdempotencyKeys.CallerOf(context.User);

        // The key's row is written on a context of its own: the request's work neither saves it nor waits for it.
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IdempotencyStore>();
        if (await store.ClaimAsync(caller, key, requestHash, context.RequestAborted) is { } held)
        {
            await AnswerAgainAsync(context, held, requestHash);
            return;
        }

        var client = context.Response.Body;
        var answer = new IdempotencyResponseBuffer(client, MaximumKeptAnswer);
        context.Response.Body = answer;
        var kept = false;
        try
        {
            await next(context);
            await context.Response.BodyWriter.FlushAsync(context.RequestAborted);
            if (context.Response.StatusCode < StatusCodes.Status500InternalServerError && answer.Held is { } body)
            {
                await store.KeepAsync(caller, key, context.Response.StatusCode, context.Response.ContentType, context.Response.Headers.Location, body);
                kept = true;
            }
        }
        finally
        {
            context.Response.Body = client;
            if (!kept) await store.ReleaseAsync(caller, key);
        }
        await answer.ReleaseAsync(context.RequestAborted);
    }

    private async Task AnswerAgainAsync(HttpContext context, IdempotentRequest held, string requestHash)
    {
        if (held.RequestHash != requestHash)
        {
            await WriteProblemAsync(context, new ProblemDetails
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = "This Idempotency-Key was used for a different request.",
                Detail = "In the last 24 hours the key came with another method, path or body. Send a new key for a new request.",
            });
            return;
        }
        if (!held.Answered)
        {
            context.Response.Headers.RetryAfter = "1";
            await WriteProblemAsync(context, new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "A request with this Idempotency-Key is still being processed.",
                Detail = "Retry shortly to get its answer.",
            });
            return;
        }

        context.Response.StatusCode = held.StatusCode!.Value;
        if (held.ContentType is not null) context.Response.ContentType = held.ContentType;
        if (held.Location is not null) context.Response.Headers.Location = held.Location;
        context.Response.Headers[IdempotencyKeys.ReplayedHeader] = "true";
        await context.Response.Body.WriteAsync(held.Body, context.RequestAborted);
    }

    /// <summary>
    /// SHA-256 of the method, path, query and raw body. The body is read once as it streams in and kept for the endpoint
    /// by the request's buffering (in memory up to 30 KB, then in a temporary file), so an upload is never held twice.
    /// </summary>
    private static async Task<string> HashAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var chunk = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0) hash.AppendData(chunk, 0, read);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        request.Body.Position = 0;
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private async Task WriteProblemAsync(HttpContext context, ProblemDetails problem)
    {
        context.Response.StatusCode = problem.Status!.Value;
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}

using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Registry.Web.Infrastructure;

/// <summary>
/// An API answer that failed without a body (no such route, a method the route does not take, a challenge, a request the
/// server refused to read) becomes problem details in the registry's words, whatever the caller's Accept header says.
/// </summary>
public static class ApiStatusProblems
{
    public static Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var status = http.Response.StatusCode;
        // Left to the status page: RateLimitRefusals set it aside for a caller that takes only HTML.
        if (http.Features.Get<RateLimitRefusals.Refusal>() is not null) return Task.CompletedTask;
        var (title, detail) = status switch
        {
            StatusCodes.Status400BadRequest => (RequestProblems.UnreadableTitle, "Check the address, the query and the body, and try again."),
            StatusCodes.Status401Unauthorized => ("Sign in required.", "Send 'Authorization: Bearer <token>' with a token from POST /api/v1/auth/token (or, for verification, an employer's X-Api-Key)."),
            StatusCodes.Status403Forbidden => ("Not allowed.", "Your account may not do this."),
            StatusCodes.Status404NotFound => ("Not found.", "The API has no such address; /openapi/v1.json lists them."),
            StatusCodes.Status405MethodNotAllowed => ("Method not allowed.", $"This address does not take {http.Request.Method}; the Allow header lists what it takes."),
            StatusCodes.Status415UnsupportedMediaType => ("Unsupported content type.", "Send the body as application/json (uploads as multipart/form-data)."),
            _ when status >= 500 => ("Something went wrong on our side.", "Please try again later."),
            _ => ("The request was not completed.", null),
        };
        return TypedResults.Problem(new ProblemDetails { Status = status, Title = title, Detail = detail }).ExecuteAsync(http);
    }
}

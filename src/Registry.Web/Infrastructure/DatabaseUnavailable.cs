using Microsoft.AspNetCore.Mvc;
using Registry.Infrastructure.Persistence;

namespace Registry.Web.Infrastructure;

/// <summary>
/// The one answer while the database cannot be reached (<see cref="DatabaseOutage.IsCause"/>): 503 with Retry-After, as
/// problem details from the API and as a plain page (/Status/503, or /Error when the failure came before a page ran).
/// </summary>
public static class DatabaseUnavailable
{
    public const int RetryAfterSeconds = 30;
    public const string Title = "The registry is temporarily unavailable";
    public const string Explanation = "The registry cannot reach its records just now, so nothing was looked up or saved. Please try again in a minute or two.";

    public static bool Explains(Exception? exception) => DatabaseOutage.IsCause(exception);

    /// <summary>Sets the status and Retry-After of an answer the outage stopped.</summary>
    public static void Mark(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public static ProblemDetails Problem() => new() { Status = StatusCodes.Status503ServiceUnavailable, Title = Title + ".", Detail = Explanation };
}

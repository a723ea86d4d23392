using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Net.Http.Headers;
using Registry.Infrastructure.Telemetry;

namespace Registry.Web.Infrastructure;

/// <summary>
/// Past any rate limit the answer is 429 with Retry-After, in words that say which limit and when to try again: problem
/// details from the API, the site's status page (/Status/429) from a page, and from the API too when the caller takes
/// only HTML (a browser sent to an API address), which no problem details writer can answer.
/// </summary>
public static class RateLimitRefusals
{
    /// <summary>Why a request was refused (the limit's policy) and how long to wait; the status page words it.</summary>
    public sealed record Refusal(int RetryAfterSeconds, string? Policy);

    public static async ValueTask OnRejectedAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var policy = context.Features.Get<RateLimitWindows.Caller>()?.Policy;
        context.RequestServices.GetRequiredService<RegistryMetrics>().RateLimitRejected(policy);
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (!context.Request.Path.StartsWithSegments("/api") || AcceptsOnlyHtml(context.Request))
        {
            // No body: the status code pages show /Status/429 in the site's layout, in words.
            context.Features.Set(new Refusal(seconds, policy));
            return;
        }
        // Problem details as JSON even for a caller that named some other type: never a 500 for want of a writer.
        await TypedResults.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status429TooManyRequests,
            Title = "Too many requests.",
            Detail = $"{Words(policy).Api} Try again in {seconds} seconds.{Words(policy).Otherwise}",
        }).ExecuteAsync(context);
    }

    /// <summary>A caller whose Accept header names HTML and nothing JSON could answer (no */*, application/*, or JSON type).</summary>
    public static bool AcceptsOnlyHtml(HttpRequest request)
    {
        var accepted = request.GetTypedHeaders().Accept;
        if (accepted.Count == 0) return false;
        var html = false;
        foreach (var type in accepted.Where(t => t.Quality is not 0))
        {
            if (type.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase) || type.MediaType.Equals("application/xhtml+xml", StringComparison.OrdinalIgnoreCase)) html = true;
            else if (type.MatchesAllTypes || type.MediaType.Equals("application/*", StringComparison.OrdinalIgnoreCase) || type.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase)
                || type.SubType.Equals("json", StringComparison.OrdinalIgnoreCase)) return false;
        }
        return html;
    }

    /// <summary>The status page's explanation: which limit, and the wait in words (seconds under two minutes, whole minutes above).</summary>
    public static string Explanation(Refusal? refusal)
    {
        var seconds = refusal?.RetryAfterSeconds;
        var wait = seconds switch
        {
            null => "in a minute",
            1 => "in 1 second",
            < 120 => $"in {seconds} seconds",
            _ => $"in {(seconds + 59) / 60} minutes",
        };
        var words = Words(refusal?.Policy);
        return $"{words.Page} Please try again {wait}.{words.Otherwise}";
    }

    /// <summary>Each limit's reason, on the page and in the API, and what else the caller can do.</summary>
    private static (string Page, string Api, string Otherwise) Words(string? policy) => policy switch
    {
        AddressRateLimits.SignIn => ("To protect accounts, each address can try to sign in only a limited number of times.",
            "Sign-in is limited per address to protect accounts.", ""),
        AddressRateLimits.Registration => ("To stop automated sign-ups, each address can register only a limited number of accounts at a time.",
            "Registration is limited per address.", ""),
        AddressRateLimits.AccountMail => ("To protect people's inboxes, each address can ask for only a limited number of password reset and confirmation e-mails.",
            "Password reset and confirmation e-mails are limited per address.", ""),
        AddressRateLimits.ConfirmationRequests => ("To protect supervisors' and referees' inboxes, only a limited number of confirmation requests can be sent at a time.",
            "Confirmation requests are limited per address.", ""),
        _ => ("To keep the registry quick for everyone, each visitor can look up a limited number of credentials at a time.",
            "Verification is limited to protect the registry.",
            " Employers who check many credentials can sign in to their organisation's account (or use its API key) for a higher limit."),
    };
}

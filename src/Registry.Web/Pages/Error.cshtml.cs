using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Web.Infrastructure;

namespace Registry.Web.Pages;

/// <summary>
/// Shown for unexpected failures on pages. Any method may land here, since the failed request is re-executed. A failure
/// because the database cannot be reached is not unexpected: it is told as the outage it is, with 503.
/// </summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public bool Unavailable { get; private set; }

    public void OnGet()
    {
        Unavailable = DatabaseUnavailable.Explains(HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error);
        if (Unavailable) DatabaseUnavailable.Mark(Response);
        else Response.StatusCode = StatusCodes.Status500InternalServerError;
    }

    public void OnPost() => OnGet();
}

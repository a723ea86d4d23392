using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Web.Infrastructure;

namespace Registry.Web.Pages;

/// <summary>A readable page for an error status on a page (the API answers with problem details instead).</summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public string Title { get; private set; } = "";
    public string Explanation { get; private set; } = "";

    public void OnGet(int code) => (Title, Explanation) = code switch
    {
        404 => ("Page not found", "We could not find the page you asked for. Check the address, or start again from the home page."),
        403 => ("Not available to your account", "Your account does not give access to this page."),
        400 => ("The request could not be read", "Please go back, reload the page and try again."),
        429 => ("Please wait a moment", RateLimitRefusals.Explanation(HttpContext.Features.Get<RateLimitRefusals.Refusal>())),
        503 => (DatabaseUnavailable.Title, DatabaseUnavailable.Explanation),
        _ => ("Something went wrong", "The request could not be completed."),
    };

    public void OnPost(int code) => OnGet(code);
}

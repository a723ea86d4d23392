using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Registry.Application.Features.Jurisdictions;
using Registry.Application.Features.Verification;
using Registry.Domain.Credentials;
using Registry.Web.Infrastructure;

namespace Registry.Web.Pages.Verify;

/// <summary>Anyone looks up a credential by its number, or by the holder's last name (its beginning) and state.</summary>
[EnableRateLimiting(VerificationRateLimits.Policy)]
public sealed class IndexModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "number")]
    public string? Number { get; set; }

    [BindProperty(SupportsGet = true, Name = "lastName")]
    public string? LastName { get; set; }

    [BindProperty(SupportsGet = true, Name = "state")]
    public string? State { get; set; }

    /// <summary>Named <c>p</c> in the address: a property called Page would collide with the route value.</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<ListJurisdictions.Model> States { get; private set; } = [];
    public SearchCredentials.Results? Results { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        States = await mediator.Send(new ListJurisdictions.Query(), cancellationToken);
        if (!string.IsNullOrWhiteSpace(Number))
        {
            if (CredentialNumber.TryParse(Number, out var number)) return RedirectToPage("/Verify/Credential", new { number = number!.Value });
            ModelState.AddModelError("number", "Enter a credential number such as TN-CPRS-000123.");
            return Page();
        }
        if (LastName is not null || State is not null)
            Results = await mediator.Send(new SearchCredentials.Query(LastName, State, Math.Max(1, PageNumber)), cancellationToken);
        return Page();
    }

    public string GroupClass(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? "usa-form-group usa-form-group--error" : "usa-form-group";
}

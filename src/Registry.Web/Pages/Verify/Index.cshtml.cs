using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Registry.Application.Common.Paging;
using Registry.Application.Features.Jurisdictions;
using Registry.Application.Features.Verification;
using Registry.Domain.Credentials;
using Registry.Web.Infrastructure;
using Registry.Web.Pages.Shared;

namespace Registry.Web.Pages.Verify;

/// <summary>Anyone looks up a credential by its number, or by the holder's last name (its beginning) and state.</summary>
[EnableRateLimiting(VerificationRateLimits.Policy)]
public sealed class IndexModel(IMediator mediator) : PageModel, IReloadOnFailure
{
    [BindProperty(SupportsGet = true, Name = "number")]
    public string? Number { get; set; }

    [BindProperty(SupportsGet = true, Name = "lastName")]
    public string? LastName { get; set; }

    [BindProperty(SupportsGet = true, Name = "state")]
    public string? State { get; set; }

    [BindProperty(SupportsGet = true, Name = "cursor")]
    public string? Cursor { get; set; }

    public IReadOnlyList<ListJurisdictions.Model> States { get; private set; } = [];
    public CursorPage<PublicCredential>? Results { get; private set; }

    /// <summary>The chosen state's name, or what was entered when it names no state.</summary>
    public string? StateName => States.FirstOrDefault(s => string.Equals(s.Code, State, StringComparison.OrdinalIgnoreCase))?.Name ?? State;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await ReloadAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(Number))
        {
            if (CredentialNumber.TryParse(Number, out var number)) return RedirectToPage("/Verify/Credential", new { number = number!.Value });
            ModelState.AddModelError("number", "Enter a credential number such as TN-CPRS-000123.");
            return Page();
        }
        if (LastName is not null || State is not null)
            Results = await mediator.Send(new SearchCredentials.Query(LastName, State) { Cursor = Cursor }, cancellationToken);
        return Page();
    }

    public CursorPager Pager => new("Result pages", Cursor is null ? null : Link(null), Results?.Next is null ? null : Link(Results.Next));

    private string Link(string? cursor) => Url.Page("/Verify/Index", null, new { lastName = LastName, state = State, cursor }, null, null, "results")!;

    /// <summary>A refused search shows the form again with what was entered, the states listed to choose from.</summary>
    public async Task ReloadAsync(CancellationToken cancellationToken) => States = await mediator.Send(new ListJurisdictions.Query(), cancellationToken);
}

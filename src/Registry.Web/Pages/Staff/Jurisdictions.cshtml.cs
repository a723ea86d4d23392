using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Common.Security;
using Registry.Application.Features.Jurisdictions;
using Registry.Web.Infrastructure;

namespace Registry.Web.Pages.Staff;

/// <summary>A SystemAdmin's list of the states in the registry, and the form that adds one.</summary>
[Authorize(Roles = Roles.SystemAdmin)]
public sealed class JurisdictionsModel(IMediator mediator) : PageModel, IReloadOnFailure
{
    public IReadOnlyList<ListJurisdictions.Model> States { get; private set; } = [];

    [BindProperty]
    public AddJurisdiction.Command Input { get; set; } = new();

    public Task OnGetAsync(CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    public async Task ReloadAsync(CancellationToken cancellationToken) => States = await mediator.Send(new ListJurisdictions.Query(), cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var code = await mediator.Send(Input, cancellationToken);
        TempData["Confirmation"] = $"{Input.Name.Trim()} is in the registry. Invite its first administrator below.";
        return RedirectToPage("/Staff/Jurisdiction", new { code });
    }
}

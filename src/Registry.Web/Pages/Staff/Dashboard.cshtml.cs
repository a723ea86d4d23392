using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Application.Features.Jurisdictions;
using Registry.Application.Features.Workforce;

namespace Registry.Web.Pages.Staff;

/// <summary>A state's workforce at a glance: active peer specialists over 24 months and today's status mix, as charts with their data tables.</summary>
[Authorize(Roles = $"{Roles.StateAdmin},{Roles.SystemAdmin},{Roles.NationalAnalyst}")]
public sealed class DashboardModel(IMediator mediator, ICurrentUser user) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    public GetWorkforceDashboard.Model? Dashboard { get; private set; }
    public IReadOnlyList<ListJurisdictions.Model> Jurisdictions { get; private set; } = [];

    public bool CanChoose => user.IsInRole(Roles.SystemAdmin) || user.IsInRole(Roles.NationalAnalyst);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Jurisdictions = await mediator.Send(new ListJurisdictions.Query(), cancellationToken);
        var state = CanChoose ? State ?? Jurisdictions.FirstOrDefault()?.Code : user.StateCode?.Value;
        if (string.IsNullOrWhiteSpace(state)) return Page();
        State = state.ToUpperInvariant();
        Dashboard = await mediator.Send(new GetWorkforceDashboard.Query(State), cancellationToken);
        return Page();
    }
}

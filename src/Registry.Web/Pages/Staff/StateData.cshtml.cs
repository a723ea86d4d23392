using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Application.Features.Jurisdictions;
using Registry.Web.Infrastructure;

namespace Registry.Web.Pages.Staff;

/// <summary>
/// A state's full exports: ask for one, follow its progress, download it. A StateAdmin works with their own state;
/// a SystemAdmin names one.
/// </summary>
[Authorize(Roles = $"{Roles.StateAdmin},{Roles.SystemAdmin}")]
public sealed class StateDataModel(IMediator mediator, ICurrentUser user) : PageModel, IReloadOnFailure
{
    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    /// <summary>Set on the page shown right after asking for an export.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Asked { get; set; }

    public IReadOnlyList<ListStateExports.Model> Exports { get; private set; } = [];

    /// <summary>Set for a system administrator who has not named a state: the states to choose from.</summary>
    public StateChooser? Chooser { get; private set; }

    /// <summary>Whether an export is still being written, so the page offers to check its progress.</summary>
    public bool AnyUnfinished => Exports.Any(e => e.Status is Domain.Jurisdictions.StateExportStatus.Queued or Domain.Jurisdictions.StateExportStatus.Running);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        State = user.StateCode?.Value ?? State;
        if (string.IsNullOrWhiteSpace(State))
        {
            if (!User.IsInRole(Roles.SystemAdmin)) return NotFound();
            Chooser = new("Choose a state to export its data.", await mediator.Send(new ListJurisdictions.Query(), cancellationToken));
            return Page();
        }
        await ReloadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        State = user.StateCode?.Value ?? State;
        if (string.IsNullOrWhiteSpace(State)) return NotFound();
        await mediator.Send(new RequestStateExport.Command(State), cancellationToken);
        return RedirectToPage(new { State, Asked = true });
    }

    public async Task<IActionResult> OnGetDownloadAsync(Guid id, CancellationToken cancellationToken)
    {
        var file = await mediator.Send(new DownloadStateExport.Query(id), cancellationToken);
        return File(file.Content, "application/zip", file.FileName);
    }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(State))
            Exports = await mediator.Send(new ListStateExports.Query(State), cancellationToken);
    }
}

using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Application.Features.Audit;

namespace Registry.Web.Pages.Staff;

[Authorize(Roles = $"{Roles.StateAdmin},{Roles.SystemAdmin}")]
public sealed class AuditModel(IMediator mediator, ICurrentUser user) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ListAuditEntries.Query Filter { get; set; } = new();

    public ListAuditEntries.Model Result { get; private set; } = new([], 1, false, []);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        // A StateAdmin sees their own state; a SystemAdmin names one.
        var state = user.StateCode?.Value ?? Filter.StateCode;
        if (string.IsNullOrWhiteSpace(state)) return NotFound();
        Filter = Filter with { StateCode = state };
        if (!ModelState.IsValid) return Page();
        Result = await mediator.Send(Filter, cancellationToken);
        return Page();
    }

    public string PageLink(int page) =>
        Url.Page("/Staff/Audit", new { Filter.Action, Filter.EntityType, Filter.EntityId, Filter.Actor, Filter.From, Filter.To, PageNumber = page, Filter.StateCode })!;
}

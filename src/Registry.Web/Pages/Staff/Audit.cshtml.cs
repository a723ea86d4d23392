using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Paging;
using Registry.Application.Common.Security;
using Registry.Application.Features.Audit;
using Registry.Application.Features.Jurisdictions;
using Registry.Web.Pages.Shared;

namespace Registry.Web.Pages.Staff;

[Authorize(Roles = $"{Roles.StateAdmin},{Roles.SystemAdmin}")]
public sealed class AuditModel(IMediator mediator, ICurrentUser user) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ListAuditEntries.Query Filter { get; set; } = new();

    public CursorPage<ListAuditEntries.EntryModel> Result { get; private set; } = new([], null);

    public IReadOnlyList<string> Actions { get; private set; } = [];

    /// <summary>Set for a system administrator who has not named a state: the states to choose from.</summary>
    public StateChooser? Chooser { get; private set; }

    /// <summary>A system administrator reads the entries of no state (sign-ins, refusals and downloads outside any state's staff).</summary>
    [BindProperty(SupportsGet = true)]
    public bool NoState { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        // A StateAdmin sees their own state; a SystemAdmin names one, or asks for the entries of none.
        var state = user.StateCode?.Value ?? Filter.StateCode;
        if (NoState && User.IsInRole(Roles.SystemAdmin)) state = "";
        else if (string.IsNullOrWhiteSpace(state) && User.IsInRole(Roles.SystemAdmin))
        {
            Chooser = new("Choose a state to read its audit log.", await mediator.Send(new ListJurisdictions.Query(), cancellationToken));
            return Page();
        }
        else if (string.IsNullOrWhiteSpace(state)) return NotFound();
        Filter = Filter with { StateCode = state };
        Actions = await mediator.Send(new ListAuditActions.Query(state), cancellationToken);
        if (!ModelState.IsValid) return Page();
        Result = await mediator.Send(Filter, cancellationToken);
        return Page();
    }

    public CursorPager Pager => new("Audit log pages", Filter.Cursor is null ? null : Link(null), Result.Next is null ? null : Link(Result.Next));

    private string Link(string? cursor) =>
        Url.Page("/Staff/Audit", new
        {
            Filter.Kind, Filter.Action, Filter.EntityType, Filter.EntityId, Filter.Actor, Filter.From, Filter.To, Filter.StateCode, NoState = NoState ? true : (bool?)null, cursor,
            Limit = Filter.Limit == Cursor.DefaultLimit ? (int?)null : Filter.Limit,
        })!;
}

using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Common.Paging;
using Registry.Application.Common.Security;
using Registry.Application.Features.Jurisdictions;
using Registry.Application.Features.Appeals;
using Registry.Application.Features.Review;
using Registry.Domain.Applications;
using Registry.Web.Pages.Shared;

namespace Registry.Web.Pages.Staff;

/// <summary>
/// The review queue of the signed-in staff member's state, a page at a time; a system administrator names the
/// state with ?state=, and without one chooses a state first.
/// </summary>
[Authorize(Roles = $"{Roles.Reviewer},{Roles.StateAdmin},{Roles.SystemAdmin}")]
public sealed class IndexModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public ApplicationStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? ProgramId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Cursor { get; set; }

    public ReviewQueueSummary.Model Summary { get; private set; } = null!;

    public CursorPage<ReviewQueue.Row> Queue { get; private set; } = new([], null);

    /// <summary>Set for a system administrator who has not named a state: the states to choose from.</summary>
    public StateChooser? Chooser { get; private set; }
    /// <summary>Appeals of denials waiting for a decision, oldest first.</summary>
    public IReadOnlyList<ListOpenAppeals.Row> Appeals { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var state = User.IsInRole(Roles.SystemAdmin) && !string.IsNullOrWhiteSpace(State) ? State : User.FindFirst(RegistryClaims.State)?.Value;
        if (string.IsNullOrWhiteSpace(state) && User.IsInRole(Roles.SystemAdmin))
        {
            Chooser = new("Choose a state to open its review queue or its audit log.", await mediator.Send(new ListJurisdictions.Query(), cancellationToken));
            return Page();
        }
        if (string.IsNullOrWhiteSpace(state)) return NotFound();
        // The summary first: it also heads the page when the queue's cursor is refused.
        Summary = await mediator.Send(new ReviewQueueSummary.Query { StateCode = state, ProgramId = ProgramId }, cancellationToken);
        Queue = await mediator.Send(new ReviewQueue.Query { StateCode = state, Status = Status, ProgramId = ProgramId, Cursor = Cursor }, cancellationToken);
        Appeals = await mediator.Send(new ListOpenAppeals.Query { StateCode = state }, cancellationToken);
        return Page();
    }

    public CursorPager Pager => new("Review queue pages", Cursor is null ? null : Link(null), Queue.Next is null ? null : Link(Queue.Next));

    private string Link(string? cursor) =>
        Url.Page("/Staff/Index", new { State = User.IsInRole(Roles.SystemAdmin) ? Summary.StateCode : null, Status, ProgramId, cursor })!;
}

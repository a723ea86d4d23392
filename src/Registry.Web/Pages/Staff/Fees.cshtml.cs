using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Paging;
using Registry.Application.Common.Security;
using Registry.Application.Features.Fees;
using Registry.Application.Features.Jurisdictions;
using Registry.Application.Features.Review;
using Registry.Domain.Fees;
using Registry.Web.Pages.Shared;

namespace Registry.Web.Pages.Staff;

/// <summary>The state's fees for its staff, newest first, by status and program. Staff of a state see their own; a SystemAdmin names one.</summary>
[Authorize(Roles = $"{Roles.Reviewer},{Roles.StateAdmin},{Roles.SystemAdmin}")]
public sealed class FeesModel(IMediator mediator, ICurrentUser user) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public FeeStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? ProgramId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Cursor { get; set; }

    public CursorPage<ListStateFees.Row> Result { get; private set; } = new([], null);

    public IReadOnlyList<ReviewQueueSummary.ProgramModel> Programs { get; private set; } = [];

    /// <summary>Set for a system administrator who has not named a state: the states to choose from.</summary>
    public StateChooser? Chooser { get; private set; }

    /// <summary>A StateAdmin or a SystemAdmin: the funds, waiver requests and revenue workbook are theirs.</summary>
    public bool IsAdmin => User.IsInRole(Roles.StateAdmin) || User.IsInRole(Roles.SystemAdmin);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        State = user.StateCode?.Value ?? State;
        if (string.IsNullOrWhiteSpace(State))
        {
            if (!User.IsInRole(Roles.SystemAdmin)) return NotFound();
            Chooser = new("Choose a state to see its fees.", await mediator.Send(new ListJurisdictions.Query(), cancellationToken), "/Staff/Fees", "fees");
            return Page();
        }
        Programs = (await mediator.Send(new ReviewQueueSummary.Query { StateCode = State }, cancellationToken)).Programs;
        Result = await mediator.Send(new ListStateFees.Query { StateCode = State, Status = Status, ProgramId = ProgramId, Cursor = Cursor }, cancellationToken);
        return Page();
    }

    public CursorPager Pager => new("Fee pages", Cursor is null ? null : Link(null), Result.Next is null ? null : Link(Result.Next));

    /// <summary>Staff of a state never carry it in links; a SystemAdmin's links keep the state they chose.</summary>
    public string? StateInLinks => user.StateCode is null ? State : null;

    private string Link(string? cursor) => Url.Page("/Staff/Fees", new { State = StateInLinks, Status, ProgramId, cursor })!;
}

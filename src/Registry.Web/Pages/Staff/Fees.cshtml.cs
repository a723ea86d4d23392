using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Paging;
using Registry.Application.Common.Security;
using Registry.Application.Features.Fees;
using Registry.Application.Features.Review;
using Registry.Domain.Fees;
using Registry.Web.Pages.Shared;

namespace Registry.Web.Pages.Staff;

/// <summary>The state's fees for its staff, newest first, by status and program.</summary>
[Authorize(Roles = $"{Roles.Reviewer},{Roles.StateAdmin}")]
public sealed class FeesModel(IMediator mediator, ICurrentUser user) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public FeeStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? ProgramId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Cursor { get; set; }

    public CursorPage<ListStateFees.Row> Result { get; private set; } = new([], null);

    public IReadOnlyList<ReviewQueueSummary.ProgramModel> Programs { get; private set; } = [];

    public string State => user.StateCode?.Value ?? "";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Programs = (await mediator.Send(new ReviewQueueSummary.Query { StateCode = State }, cancellationToken)).Programs;
        Result = await mediator.Send(new ListStateFees.Query { StateCode = State, Status = Status, ProgramId = ProgramId, Cursor = Cursor }, cancellationToken);
    }

    public CursorPager Pager => new("Fee pages", Cursor is null ? null : Link(null), Result.Next is null ? null : Link(Result.Next));

    private string Link(string? cursor) => Url.Page("/Staff/Fees", new { Status, ProgramId, cursor })!;
}

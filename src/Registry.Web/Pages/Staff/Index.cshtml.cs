using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Common.Security;
using Registry.Application.Features.Review;
using Registry.Domain.Applications;

namespace Registry.Web.Pages.Staff;

/// <summary>The review queue of the signed-in staff member's state; a system administrator names the state with ?state=.</summary>
[Authorize(Roles = $"{Roles.Reviewer},{Roles.StateAdmin},{Roles.SystemAdmin}")]
public sealed class IndexModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public ApplicationStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? ProgramId { get; set; }

    public ReviewQueue.Model Queue { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var state = User.IsInRole(Roles.SystemAdmin) && !string.IsNullOrWhiteSpace(State) ? State : User.FindFirst(RegistryClaims.State)?.Value;
        if (string.IsNullOrWhiteSpace(state)) return NotFound();
        Queue = await mediator.Send(new ReviewQueue.Query { StateCode = state, Status = Status, ProgramId = ProgramId }, cancellationToken);
        return Page();
    }
}

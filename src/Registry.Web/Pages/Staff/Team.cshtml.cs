using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Application.Features.Accounts;
using Registry.Web.Infrastructure;

namespace Registry.Web.Pages.Staff;

[Authorize(Roles = Roles.StateAdmin)]
public sealed class TeamModel(IMediator mediator) : PageModel, IReloadOnFailure
{
    public IReadOnlyList<StaffMember> Reviewers { get; private set; } = [];

    [BindProperty]
    public InviteReviewer.Command Input { get; set; } = new();

    [TempData]
    public string? Confirmation { get; set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    public async Task ReloadAsync(CancellationToken cancellationToken) => Reviewers = await mediator.Send(new ListReviewers.Query(), cancellationToken);

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(Input, cancellationToken);
        Confirmation = $"{Input.DisplayName} has been invited. The e-mail lets them choose a password.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDisableAsync(Guid id, CancellationToken cancellationToken)
    {
        await mediator.Send(new DisableReviewer.Command(id), cancellationToken);
        Confirmation = "The reviewer is disabled and has been signed out.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostEnableAsync(Guid id, CancellationToken cancellationToken)
    {
        await mediator.Send(new EnableReviewer.Command(id), cancellationToken);
        Confirmation = "The reviewer can sign in again.";
        return RedirectToPage();
    }
}

using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Application.Features.Claims;
using Registry.Web.Infrastructure;

namespace Registry.Web.Pages.Staff;

/// <summary>A StateAdmin's page for records without an account: the claim rule, and invitations to claim them.</summary>
[Authorize(Roles = Roles.StateAdmin)]
public sealed class ClaimsModel(IMediator mediator, ICurrentUser user) : PageModel, IReloadOnFailure
{
    public GetClaimsOverview.Model Overview { get; private set; } = null!;

    [BindProperty]
    public bool RequireDateOfBirth { get; set; }

    [TempData]
    public string? Confirmation { get; set; }

    private string State => user.StateCode?.Value ?? throw new InvalidOperationException("A StateAdmin always has a state.");

    public Task OnGetAsync(CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        Overview = await mediator.Send(new GetClaimsOverview.Query { StateCode = State }, cancellationToken);

    public async Task<IActionResult> OnPostRulesAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(new SetClaimRules.Command { StateCode = State, RequireDateOfBirth = RequireDateOfBirth }, cancellationToken);
        Confirmation = RequireDateOfBirth
            ? "Holders claiming their records now also give their date of birth."
            : "Holders claiming their records no longer give their date of birth.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken cancellationToken)
    {
        var sent = await mediator.Send(new InviteHolders.Command { StateCode = State }, cancellationToken);
        Confirmation = sent.StillToInvite == 0
            ? $"{sent.Invited} invitations are queued to be sent."
            : $"{sent.Invited} invitations are queued to be sent. {sent.StillToInvite} holders are still to be invited: send again tomorrow.";
        return RedirectToPage();
    }
}

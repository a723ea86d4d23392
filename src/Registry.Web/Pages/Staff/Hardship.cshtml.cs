using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Application.Features.Fees;
using Registry.Application.Features.Jurisdictions;
using Registry.Domain.Fees;
using Registry.Web.Infrastructure;

namespace Registry.Web.Pages.Staff;

/// <summary>A state's fee waiver requests, oldest first, each with the person's private statement: grant from a fund (or none) or refuse, with a reason.</summary>
[Authorize(Roles = $"{Roles.StateAdmin},{Roles.SystemAdmin}")]
public sealed class HardshipModel(IMediator mediator, ICurrentUser user) : PageModel, IReloadOnFailure
{
    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    public IReadOnlyList<ListHardshipRequests.Row> Requests { get; private set; } = [];

    public IReadOnlyList<ListFunds.Fund> Funds { get; private set; } = [];

    /// <summary>Set for a system administrator who has not named a state: the states to choose from.</summary>
    public StateChooser? Chooser { get; private set; }

    [TempData]
    public string? Confirmation { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        State = user.StateCode?.Value ?? State;
        if (string.IsNullOrWhiteSpace(State))
        {
            if (!User.IsInRole(Roles.SystemAdmin)) return NotFound();
            Chooser = new("Choose a state to see its fee waiver requests.", await mediator.Send(new ListJurisdictions.Query(), cancellationToken), "/Staff/Hardship",
                "fee waiver requests");
            return Page();
        }
        await ReloadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid requestId, bool grant, Guid? fundId, string? reason, CancellationToken cancellationToken)
    {
        State = user.StateCode?.Value ?? State;
        var status = await mediator.Send(new DecideHardshipRequest.Command { HardshipRequestId = requestId, Grant = grant, FundId = fundId, Reason = reason }, cancellationToken);
        Confirmation = status == HardshipStatus.Granted ? "The fee is waived and the person has been told." : "The request is refused and the person has been told why.";
        return RedirectToPage(new { State });
    }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        Requests = await mediator.Send(new ListHardshipRequests.Query(State ?? ""), cancellationToken);
        Funds = await mediator.Send(new ListFunds.Query(State ?? ""), cancellationToken);
    }
}

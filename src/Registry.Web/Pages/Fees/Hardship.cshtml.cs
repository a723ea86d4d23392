using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Registry.Application.Common.Security;
using Registry.Application.Features.Fees;

namespace Registry.Web.Pages.Fees;

/// <summary>Ask the state to waive a fee, with a short private statement.</summary>
[Authorize(Roles = Roles.Applicant)]
public sealed class HardshipModel(IMediator mediator) : FeeHelpPage(mediator)
{
    [BindProperty]
    public string? Statement { get; set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await Mediator.Send(new AskForHardshipWaiver.Command { FeeId = FeeId, Statement = Statement }, cancellationToken);
        Confirmation = "Your request is with the board. We will write to you when they decide; until then the fee stays owed.";
        return RedirectToPage(new { FeeId });
    }
}

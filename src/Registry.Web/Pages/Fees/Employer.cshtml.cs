using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Registry.Application.Common.Security;
using Registry.Application.Features.Fees;

namespace Registry.Web.Pages.Fees;

/// <summary>Ask an approved employer of the fee's state to pay it.</summary>
[Authorize(Roles = Roles.Applicant)]
public sealed class EmployerModel(IMediator mediator) : FeeHelpPage(mediator)
{
    [BindProperty]
    public Guid? EmployerId { get; set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await Mediator.Send(new InvoiceEmployer.Command { FeeId = FeeId, EmployerId = EmployerId ?? Guid.Empty }, cancellationToken);
        Confirmation = "The employer can now see the fee among its invoices and pay it. You can still pay it yourself.";
        return RedirectToPage(new { FeeId });
    }
}

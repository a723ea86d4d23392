using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Application.Features.Fees;

namespace Registry.Web.Pages.Fees;

/// <summary>
/// Paying a fee online: the button opens the payment provider's page (303 to it). When online payment is not offered,
/// the page says how else to pay.
/// </summary>
[Authorize(Roles = $"{Roles.Applicant},{Roles.Employer}")]
public sealed class PayModel(IMediator mediator, IPaymentProviders providers) : PageModel
{
    [FromRoute]
    public Guid FeeId { get; set; }

    public bool OnlinePaymentOffered => providers.Configured is not null;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var opened = await mediator.Send(new OpenCheckout.Command(FeeId), cancellationToken);
        Response.Headers.Location = opened.PaymentUrl;
        return StatusCode(StatusCodes.Status303SeeOther);
    }
}

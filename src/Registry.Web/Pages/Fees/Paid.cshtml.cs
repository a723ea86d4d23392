using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Common.Security;
using Registry.Application.Features.Fees;

namespace Registry.Web.Pages.Fees;

/// <summary>
/// Where the payment service sends the payer back. It shows the fee as recorded and records nothing: the payment is
/// recorded only from the provider's signed webhook.
/// </summary>
[Authorize(Roles = $"{Roles.Applicant},{Roles.Employer}")]
public sealed class PaidModel(IMediator mediator) : PageModel
{
    public GetCheckout.Model Checkout { get; private set; } = null!;

    public async Task OnGetAsync(Guid checkoutId, CancellationToken cancellationToken) =>
        Checkout = await mediator.Send(new GetCheckout.Query(checkoutId), cancellationToken);
}

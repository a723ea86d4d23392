using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Features.Fees;

namespace Registry.Web.Pages.Fees;

/// <summary>A payment's receipt, to print: for the person who owed the fee, the employer it was invoiced to, and staff of its state.</summary>
[Authorize]
public sealed class ReceiptModel(IMediator mediator) : PageModel
{
    [FromRoute]
    public Guid PaymentId { get; set; }

    public GetFeeReceipt.Receipt Receipt { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Receipt = await mediator.Send(new GetFeeReceipt.Query(PaymentId), cancellationToken);
}

using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Common.Interfaces;
using Registry.Application.Features.Fees;
using Registry.Web.Infrastructure;

namespace Registry.Web.Pages.Fees;

/// <summary>A payment's receipt, to print: for the person who owed the fee, the employer it was invoiced to, and staff of its state.</summary>
[Authorize]
public sealed class ReceiptModel(IMediator mediator) : PageModel
{
    [FromRoute]
    public Guid PaymentId { get; set; }

    public GetFeeReceipt.Receipt Receipt { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Receipt = await mediator.Send(new GetFeeReceipt.Query(PaymentId), cancellationToken);

    /// <summary>The same receipt as an accessible PDF, for the same people.</summary>
    public async Task<IActionResult> OnGetPdfAsync([FromServices] IKeptDocuments documents, CancellationToken cancellationToken)
    {
        var (content, fileName) = await KeptDocumentDownloads.ReceiptAsync(PaymentId, mediator, documents, cancellationToken);
        return File(content, KeptDocumentDownloads.Pdf, fileName);
    }
}

using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Common.Security;
using Registry.Application.Features.CertificateOrders;
using Registry.Domain.Credentials;
using Registry.Web.Infrastructure;

namespace Registry.Web.Pages.Credentials;

/// <summary>A holder orders a printed certificate by post, pays its fee when the program charges one, and follows the order.</summary>
[Authorize(Roles = Roles.Applicant)]
public sealed class PrintedCertificatesModel(IMediator mediator) : PageModel, IReloadOnFailure
{
    public ListMyCertificateOrders.Model Orders { get; private set; } = new([], [], false);

    [TempData]
    public string? Confirmation { get; set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    public async Task<IActionResult> OnPostOrderAsync(string number, CancellationToken cancellationToken)
    {
        var ordered = await mediator.Send(new OrderPrintedCertificate.Command(number), cancellationToken);
        if (ordered.FeeId is { } feeId)
            return RedirectToPage("/Fees/Fee", new { id = feeId });
        Confirmation = $"Your printed certificate for {number} is ordered. The board posts it to your mailing address and e-mails you when it has.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid orderId, CancellationToken cancellationToken)
    {
        await mediator.Send(new CancelPrintedCertificateOrder.Command(orderId), cancellationToken);
        Confirmation = "Your order is cancelled, and its fee with it.";
        return RedirectToPage();
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        Orders = await mediator.Send(new ListMyCertificateOrders.Query(), cancellationToken);

    public static bool IsOpen(CertificateOrderStatus status) => status is CertificateOrderStatus.AwaitingFee or CertificateOrderStatus.ToPost;
}

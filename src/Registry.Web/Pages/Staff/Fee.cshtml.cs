using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Common.Security;
using Registry.Application.Features.Fees;
using Registry.Domain.Fees;
using Registry.Web.Infrastructure;

namespace Registry.Web.Pages.Staff;

/// <summary>One fee for the board's staff: its payments and refunds; record a cheque or money order, refund or cancel it.</summary>
[Authorize(Roles = $"{Roles.Reviewer},{Roles.StateAdmin}")]
public sealed class FeeModel(IMediator mediator) : PageModel, IReloadOnFailure
{
    [FromRoute]
    public Guid Id { get; set; }

    public GetStaffFee.Model Fee { get; private set; } = null!;

    public PaymentInput Payment { get; set; } = new();

    public RefundInput Refund { get; set; } = new();

    public CancelInput Cancellation { get; set; } = new();

    [TempData]
    public string? Confirmation { get; set; }

    public bool IsStateAdmin => User.IsInRole(Roles.StateAdmin);

    public Task OnGetAsync(CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    public async Task ReloadAsync(CancellationToken cancellationToken) => Fee = await mediator.Send(new GetStaffFee.Query(Id), cancellationToken);

    public async Task<IActionResult> OnPostPaymentAsync(CancellationToken cancellationToken)
    {
        await TryUpdateModelAsync(Payment, nameof(Payment));
        var recorded = await mediator.Send(new RecordOfflinePayment.Command
        {
            FeeId = Id, Method = Payment.Method, Payer = Payment.Payer, Amount = Payment.Amount ?? 0m, Reference = Payment.Reference ?? "",
            ReceivedOn = Payment.ReceivedOn ?? default,
        }, cancellationToken);
        Confirmation = recorded.Status == FeeStatus.Paid
            ? $"The payment is recorded (receipt {recorded.ReceiptNumber}) and the fee is paid."
            : $"The payment is recorded (receipt {recorded.ReceiptNumber}); {Money.Format(recorded.Balance)} is still owed.";
        return RedirectToPage(new { Id });
    }

    public async Task<IActionResult> OnPostRefundAsync(CancellationToken cancellationToken)
    {
        await TryUpdateModelAsync(Refund, nameof(Refund));
        var refunded = await mediator.Send(new RefundFee.Command { FeeId = Id, Amount = Refund.Amount ?? 0m, Reason = Refund.Reason ?? "" }, cancellationToken);
        Confirmation = $"The refund is recorded; {Money.Format(refunded.RefundedAmount)} has been refunded in all.";
        return RedirectToPage(new { Id });
    }

    public async Task<IActionResult> OnPostCancelAsync(CancellationToken cancellationToken)
    {
        await TryUpdateModelAsync(Cancellation, nameof(Cancellation));
        await mediator.Send(new CancelFee.Command { FeeId = Id, Reason = Cancellation.Reason ?? "" }, cancellationToken);
        Confirmation = "The fee is cancelled: nothing is owed.";
        return RedirectToPage(new { Id });
    }

    public sealed class PaymentInput
    {
        public PaymentMethod Method { get; set; } = PaymentMethod.Cheque;
        public Payer Payer { get; set; } = Payer.Person;
        public decimal? Amount { get; set; }
        public string? Reference { get; set; }
        public DateOnly? ReceivedOn { get; set; }
    }

    public sealed class RefundInput
    {
        public decimal? Amount { get; set; }
        public string? Reason { get; set; }
    }

    public sealed class CancelInput
    {
        public string? Reason { get; set; }
    }
}

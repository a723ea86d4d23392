using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Common.Security;
using Registry.Application.Features.Fees;
using Registry.Domain.Common;
using Registry.Domain.Fees;
using Registry.Web.Infrastructure;

namespace Registry.Web.Pages.Staff;

/// <summary>
/// One fee for the board's staff: its payments and refunds; record a cheque or money order, refund, waive (from a fund
/// with budget left) or cancel it. A SystemAdmin reads any state's fee and may waive it.
/// </summary>
[Authorize(Roles = $"{Roles.Reviewer},{Roles.StateAdmin},{Roles.SystemAdmin}")]
public sealed class FeeModel(IMediator mediator) : PageModel, IReloadOnFailure
{
    [FromRoute]
    public Guid Id { get; set; }

    public GetStaffFee.Model Fee { get; private set; } = null!;

    public PaymentInput Payment { get; set; } = new();

    public RefundInput Refund { get; set; } = new();

    public CancelInput Cancellation { get; set; } = new();

    public WaiverInput Waiver { get; set; } = new();

    /// <summary>The funds a waiver of this fee may draw on: they pay its kind and have budget left this fiscal year.</summary>
    public IReadOnlyList<ListFunds.Fund> WaiverFunds { get; private set; } = [];

    [TempData]
    public string? Confirmation { get; set; }

    public bool IsStateAdmin => User.IsInRole(Roles.StateAdmin);

    /// <summary>Reviewers and StateAdmins open the post; a SystemAdmin does not record payments.</summary>
    public bool MayRecordPayments => User.IsInRole(Roles.Reviewer) || User.IsInRole(Roles.StateAdmin);

    public bool MayWaive => User.IsInRole(Roles.StateAdmin) || User.IsInRole(Roles.SystemAdmin);

    /// <summary>The waiver form's choice for waiving without drawing on a fund.</summary>
    public const string NoFund = "none";

    public Task OnGetAsync(CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        Fee = await mediator.Send(new GetStaffFee.Query(Id), cancellationToken);
        if (MayWaive && Fee.Status == FeeStatus.Owed)
            WaiverFunds = (await mediator.Send(new ListFunds.Query(Fee.StateCode), cancellationToken))
                .Where(f => f.Covers.Contains(Fee.Kind) && f.Current is { Left: > 0 }).ToList();
    }

    public async Task<IActionResult> OnPostWaiveAsync(CancellationToken cancellationToken)
    {
        await TryUpdateModelAsync(Waiver, nameof(Waiver));
        var command = new WaiveFee.Command { FeeId = Id, FundId = Guid.TryParse(Waiver.Fund, out var fundId) ? fundId : null, Reason = Waiver.Reason };
        if (command.FundId is null && Waiver.Fund != NoFund)
        {
            // The form asks for a choice, so a waiver that draws on no fund is decided, never a field left empty.
            ModelState.AddModelError("Waiver.Fund", "Choose the fund that pays for the waiver, or no fund.");
            foreach (var failure in new WaiveFee.Validator().Validate(command).Errors)
                ModelState.AddModelError($"Waiver.{failure.PropertyName}", failure.ErrorMessage);
            await ReloadAsync(cancellationToken);
            return Page();
        }
        try
        {
            var waived = await mediator.Send(command, cancellationToken);
            Confirmation = $"{Money.Format(waived.Waived)} is waived and the person has been told.";
            return RedirectToPage(new { Id });
        }
        catch (DomainRuleException refused) when (command.FundId is not null)
        {
            // While the fee is still owed, a refusal is the fund's (no budget left for it, or it does not pay this kind of fee): shown at the fund.
            await ReloadAsync(cancellationToken);
            ModelState.AddModelError(Fee.Status == FeeStatus.Owed ? "Waiver.Fund" : "", refused.Message);
            return Page();
        }
    }

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

    public sealed class WaiverInput
    {
        /// <summary>A fund's id, or <see cref="NoFund"/>.</summary>
        public string? Fund { get; set; }

        public string? Reason { get; set; }
    }
}
